// Kind A: track is produced by a higher-order keep(impl) call from an untyped any-function table; the body is honest but the checker must follow the call; passes the tests today
// @ts-nocheck: written the way a learner hiding code would, without types
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

const keep = <F>(f: F): F => f;
const table: Record<string, any> = {};
table['tr' + 'ack'] = function (gen) {
  let state = 'created';
  const go = (f) => {
    if (state === 'running') throw new TypeError('running');
    state = 'running';
    try {
      const r = f();
      state = r.done ? 'closed' : 'suspended';
      return r;
    } catch (e) {
      state = 'closed';
      throw e;
    }
  };
  const t = {
    get state() {
      return state;
    },
    next: (...a) => go(() => gen.next(...a)),
    return: (v) => go(() => gen.return(v)),
    throw: (e) => go(() => gen.throw(e)),
    [Symbol.iterator]: () => t,
  };
  return t;
};
export const track = keep(table['track']) as <T, R, N>(gen: Generator<T, R, N>) => Tracked<T, R, N>;
