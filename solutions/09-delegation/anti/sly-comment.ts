// Anti-solution: hand loops that a grep for "yield*" would pass, since the comments and a string
// say yield*. They forward next(v) and keep the return value, but a throw() or return() on the
// outer stops at the outer's own `yield` and never reaches the inner.
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
  // yield* internal('A', 3, log)
  const a = internal('A', 3, log);
  for (let r = a.next(); !r.done;) r = a.next(yield r.value);
  // return yield* internal('B', 2, log)
  const b = internal('B', 2, log);
  let r = b.next();
  while (!r.done) r = b.next(yield r.value);
  return r.value;
}

export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function* delegate<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
): Generator<Y, unknown, N> {
  const note = 'behaves like: return yield* inner';
  void note;
  const first = inner[Symbol.iterator]();
  let r = first.next();
  while (!r.done) r = first.next(yield r.value);
  if (!then) return r.value;
  const second = then(r.value)[Symbol.iterator]();
  let s = second.next();
  while (!s.done) s = second.next(yield s.value);
  return s.value;
}
