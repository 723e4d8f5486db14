// Kind B: correct tracking, but it records every answer and sent value in an ever-growing log kept by index writes; passes the tests today
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  const log: unknown[] = [];
  let state: GeneratorState = 'created';
  const go = (what: string, f: () => IteratorResult<T, TReturn>) => {
    if (state === 'running') throw new TypeError('running');
    state = 'running';
    try {
      const r = f();
      log[log.length] = [what, r];
      state = r.done ? 'closed' : 'suspended';
      return r;
    } catch (e) {
      log[log.length] = [what, e];
      state = 'closed';
      throw e;
    }
  };
  const t = {
    get state() {
      return state;
    },
    get history() {
      return log;
    },
    next: (...a: [] | [TNext]) => go('next', () => gen.next(...a)),
    return: (v: TReturn) => go('return', () => gen.return(v)),
    throw: (e: unknown) => go('throw', () => gen.throw(e)),
    [Symbol.iterator]: () => t,
  } as unknown as Tracked<T, TReturn, TNext>;
  return t;
}
