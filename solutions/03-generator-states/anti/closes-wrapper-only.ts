// Anti-solution: answers return() and throw() on a just-created generator itself, since the body
// would not run anyway, and never passes them on. The wrapper says closed, but the generator it
// wraps is still waiting to start, and the next call that reaches it runs the whole body.
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
      if (state === 'created') {
        state = 'closed';
        return { value, done: true };
      }
      return resume(() => gen.return(value));
    },
    throw: (err) => {
      if (state === 'created') {
        state = 'closed';
        throw err;
      }
      return resume(() => gen.throw(err));
    },
    [Symbol.iterator]: () => tracked,
  };
  return tracked;
}
