// Anti-solution: eager. track() runs the generator to its first yield at once ("priming" it)
// and hands that value out on the first next(), so the body runs before anyone asks.
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  let state: GeneratorState = 'created';
  let primed: IteratorResult<T, TReturn> | undefined = gen.next();
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
    next: (...args) => {
      if (primed === undefined) return resume(() => gen.next(...args));
      const first = primed;
      primed = undefined;
      state = first.done ? 'closed' : 'suspended';
      return first;
    },
    return: (value) => resume(() => gen.return(value)),
    throw: (err) => resume(() => gen.throw(err)),
    [Symbol.iterator]: () => tracked,
  };
  return tracked;
}
