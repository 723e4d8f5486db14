// the closure version exported from an object by destructuring, with internal as a generator method
type Res = IteratorResult<unknown, unknown>;
type Kind = 'next' | 'throw' | 'return';
const isObj = (x: unknown) => (typeof x === 'object' && x !== null) || typeof x === 'function';

function makeDelegate(
  inner: Iterable<unknown, unknown, unknown>,
  then?: (r: unknown) => Iterable<unknown, unknown, unknown>,
) {
  let it: Iterator<unknown, unknown, unknown> | null = null;
  let pending = then;
  let started = false;
  let busy = false;
  let over = false;

  const must = (r: unknown, m: string): Res => {
    if (!isObj(r)) throw new TypeError(`inner ${m}() must answer an object, got ${typeof r}`);
    return r as Res;
  };
  const end = (value: unknown): Res => {
    over = true;
    return { value, done: true };
  };
  const onward = (r: Res): Res => {
    while (r.done && pending) {
      const t = pending;
      pending = undefined;
      it = t(r.value)[Symbol.iterator]();
      r = must(it.next(undefined), 'next');
    }
    return r.done ? end(r.value) : r;
  };
  // What each kind of call does once the inner is open.
  const steps: Record<Kind, (arg: unknown) => Res> = {
    next: (arg) => onward(must(it!.next(arg), 'next')),
    throw: (arg) => {
      const th = it!.throw;
      if (typeof th !== 'function') {
        const rt = it!.return;
        if (typeof rt === 'function') must(rt.call(it), 'return');
        throw new TypeError('delegate: inner iterator has no throw()');
      }
      return onward(must(th.call(it, arg), 'throw'));
    },
    return: (arg) => {
      const rt = it!.return;
      if (typeof rt !== 'function') return end(arg);
      const r = must(rt.call(it, arg), 'return');
      return r.done ? end(r.value) : r;
    },
  };

  const call = (kind: Kind, arg: unknown): Res => {
    if (busy) throw new TypeError(`delegate: ${kind}() while running`);
    if (over || (!started && kind !== 'next')) {
      over = true;
      if (kind === 'throw') throw arg;
      return { value: kind === 'return' ? arg : undefined, done: true };
    }
    busy = true;
    try {
      if (!started) {
        started = true;
        it = inner[Symbol.iterator]();
        return onward(must(it.next(undefined), 'next'));
      }
      return steps[kind](arg);
    } catch (e) {
      over = true;
      throw e;
    } finally {
      busy = false;
    }
  };

  const self = {
    next: (...a: unknown[]) => call('next', a[0]),
    throw: (e: unknown) => call('throw', e),
    return: (v: unknown) => call('return', v),
    [Symbol.iterator]: () => self,
  };
  return self as unknown as Generator<unknown, unknown, unknown>;
}

type Log = (line: string) => void;
export type { Log };

const api = {
  *internal(
    name: string,
    limit: number,
    log: Log = console.log,
  ): Generator<number, string, unknown> {
    let i = 0;
    while (i < limit) log(name + ' got: ' + (yield i++));
    return name + ' finished';
  },
  delegate: makeDelegate as {
    <Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
    <Y, R, N, S>(
      inner: Iterable<Y, R, N>,
      then: (result: R) => Iterable<Y, S, N>,
    ): Generator<Y, S, N>;
  },
  gen(log: Log = console.log): Generator<number, string, unknown> {
    return api.delegate(api.internal('A', 3, log), () => api.internal('B', 2, log));
  },
};

export const { internal, delegate, gen } = api;
