// Kind A: delegate is a Proxy around a real function*, but its apply trap returns an object
// written by hand that forwards next() only: no generator object, and throw() and return() lost.
export type Log = (line: string) => void;

export function* internal(
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    log(`${name} got: ${got}`);
  }
  return `${name} finished`;
}

export function* gen(log: Log = console.log): Generator<number, string, unknown> {
  yield* internal('A', 3, log);
  return yield* internal('B', 2, log);
}

function* shell<Y, N>(inner: Iterable<Y, unknown, N>): Generator<Y, unknown, N> {
  return yield* inner;
}

function forwardNext<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
) {
  let current: Iterator<Y, unknown, N> | undefined;
  let second = false;
  const it = {
    next(value: N): IteratorResult<Y, unknown> {
      current ??= inner[Symbol.iterator]();
      const r = current.next(value);
      if (!r.done || second || !then) return r;
      second = true;
      current = then(r.value)[Symbol.iterator]();
      return current.next(value);
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it;
}

export const delegate = new Proxy(shell, {
  apply: (_target, _self, args: Parameters<typeof forwardNext>) => forwardNext(...args),
}) as unknown as <Y, R, N, S = R>(
  inner: Iterable<Y, R, N>,
  then?: (result: R) => Iterable<Y, S, N>,
) => Generator<Y, S, N>;
