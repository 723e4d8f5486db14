// Kind A: averager is a plain function returning a hand-written object (toStringTag Generator), exported through a keep() wrapper call; passes the tests today?
const keep = <F extends Function>(f: F): F => f;
export function* gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  for (let s = start; ; s++) log(`Got ${yield s}`);
}

export function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return (...args) => {
    const g = genFn(...args);
    g.next();
    return g;
  };
}

function averagerImpl(): Generator<number | undefined, never, number> {
  let total = 0;
  let n = 0;
  let started = false;
  let closed = false;
  const self = {
    [Symbol.toStringTag]: 'Generator',
    next(x?: number) {
      if (closed) return { value: undefined, done: true };
      if (started && x !== undefined) {
        total += x;
        n++;
      }
      started = true;
      return { value: n ? total / n : undefined, done: false };
    },
    return(v?: unknown) {
      closed = true;
      return { value: v, done: true };
    },
    throw(e: unknown) {
      closed = true;
      throw e;
    },
    [Symbol.iterator]() {
      return self;
    },
  };
  return self as unknown as Generator<number | undefined, never, number>;
}
export const averager = keep(averagerImpl);
