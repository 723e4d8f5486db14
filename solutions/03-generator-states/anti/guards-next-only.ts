// Anti-solution: refuses a re-entrant next(), but lets return() and throw() from inside the body
// through to the generator. The engine refuses them with a TypeError, which lands in the catch
// below and marks the generator closed while its body is still running.
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
    state = 'running';
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
    next: (...args) => {
      // Only a second next() counts as re-entry here.
      if (state === 'running') throw new TypeError('the generator is already running');
      return resume(() => gen.next(...args));
    },
    return: (value) => resume(() => gen.return(value)),
    throw: (err) => resume(() => gen.throw(err)),
    [Symbol.iterator]: () => tracked,
  };
  return tracked;
}
