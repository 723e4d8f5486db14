// state derived from the last answer and a call-depth counter instead of a stored state field
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  let last: IteratorResult<T, TReturn> | null = null;
  let depth = 0;
  let err = false;
  const go = (f: () => IteratorResult<T, TReturn>) => {
    if (depth > 0) throw new TypeError('running');
    depth++;
    try {
      last = f();
      return last;
    } catch (e) {
      err = true;
      throw e;
    } finally {
      depth--;
    }
  };
  const t = {
    get state(): GeneratorState {
      if (depth > 0) return 'running';
      if (err || last?.done) return 'closed';
      return last ? 'suspended' : 'created';
    },
    next: (...a: [] | [TNext]) => go(() => gen.next(...a)),
    return: (v: TReturn) => go(() => gen.return(v)),
    throw: (e: unknown) => go(() => gen.throw(e)),
    [Symbol.iterator]: () => t,
  } as Tracked<T, TReturn, TNext>;
  return t;
}
