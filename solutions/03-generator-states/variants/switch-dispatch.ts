// one dispatch function with a switch on the action, state kept in a closure, exported as default and named
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

type Action =
  | { kind: 'next'; args: unknown[] }
  | { kind: 'return'; value: unknown }
  | { kind: 'throw'; error: unknown };

function track<T, TReturn, TNext>(gen: Generator<T, TReturn, TNext>): Tracked<T, TReturn, TNext> {
  let state: GeneratorState = 'created';
  const dispatch = (a: Action): IteratorResult<T, TReturn> => {
    if (state === 'running') throw new TypeError('a running generator cannot be resumed');
    state = 'running';
    let r: IteratorResult<T, TReturn>;
    try {
      switch (a.kind) {
        case 'next':
          r = gen.next(...(a.args as [] | [TNext]));
          break;
        case 'return':
          r = gen.return(a.value as TReturn);
          break;
        case 'throw':
          r = gen.throw(a.error);
          break;
      }
    } catch (e) {
      state = 'closed';
      throw e;
    }
    state = r.done ? 'closed' : 'suspended';
    return r;
  };
  const t: Tracked<T, TReturn, TNext> = Object.freeze({
    get state() {
      return state;
    },
    next: (...args: [] | [TNext]) => dispatch({ kind: 'next', args }),
    return: (value: TReturn) => dispatch({ kind: 'return', value }),
    throw: (error: unknown) => dispatch({ kind: 'throw', error }),
    [Symbol.iterator]: () => t,
  }) as unknown as Tracked<T, TReturn, TNext>;
  return t;
}

export default track;
export { track };
