// a Proxy around the generator: the handler supplies next, return, throw, the iterator and the
// state, and passes anything else through to the generator
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  let state: GeneratorState = 'created';

  const resume = (step: () => IteratorResult<T, TReturn>): IteratorResult<T, TReturn> => {
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
  };

  const own: Record<PropertyKey, unknown> = {
    next: (...args: [] | [TNext]) => resume(() => gen.next(...args)),
    return: (value: TReturn) => resume(() => gen.return(value)),
    throw: (err: unknown) => resume(() => gen.throw(err)),
    [Symbol.iterator]: () => tracked,
  };

  const tracked = new Proxy(gen, {
    get(target, key) {
      if (key === 'state') return state;
      if (Object.hasOwn(own, key)) return own[key];
      return Reflect.get(target, key);
    },
    set: () => false,
  }) as Tracked<T, TReturn, TNext>;
  return tracked;
}
