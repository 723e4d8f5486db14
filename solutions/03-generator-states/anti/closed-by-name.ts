// Anti-solution: sly. Every state name is there, but return() and throw() always mark the
// generator closed, whatever it answers: a yield in a finally or a caught throw() is missed.
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
    return: (value) => {
      const result = resume(() => gen.return(value));
      state = 'closed';
      return result;
    },
    throw: (err) => {
      try {
        return resume(() => gen.throw(err));
      } finally {
        state = 'closed';
      }
    },
    [Symbol.iterator]: () => tracked,
  };
  return tracked;
}
