// Anti-solution: a fake tracker. It reads the state off each answer only, so it goes from
// created straight to suspended or closed and never reports running.
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  let state: GeneratorState = 'created';
  function resume(step: () => IteratorResult<T, TReturn>): IteratorResult<T, TReturn> {
    try {
      const result = step();
      state = result.done ? 'closed' : 'suspended';
      return result;
    } catch (err) {
      state = 'closed';
      throw err;
    }
  }

  const tracked: Tracked<T, TReturn, TNext> = {
    get state() {
      return state;
    },
    next: (...args) => resume(() => gen.next(...args)),
    return: (value) => resume(() => gen.return(value)),
    throw: (err) => resume(() => gen.throw(err)),
    [Symbol.iterator]: () => tracked,
  };
  return tracked;
}
