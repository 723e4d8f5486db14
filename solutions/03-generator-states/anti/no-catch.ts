// Anti-solution: naive. Without a try/catch, an error escaping the body leaves the state stuck
// at running, though the generator is finished.
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
    if (state === 'running') throw new TypeError('the generator is already running');
    state = 'running';
    const result = step();
    state = result.done ? 'closed' : 'suspended';
    return result;
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
