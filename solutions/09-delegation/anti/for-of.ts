// Anti-solution: the post's "most basic form" of yield from, a for...of loop. Values go out, but
// nothing comes in: sent values are dropped, throw() never reaches the inner, and the inner's
// return value is lost.
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
  for (const value of internal('A', 3, log)) yield value;
  for (const value of internal('B', 2, log)) yield value;
  return 'B finished';
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
  // TypeScript itself objects to for...of over an iterator that wants sent values (TS2763): the
  // casts silence it.
  for (const value of inner as Iterable<Y>) yield value;
  if (then) for (const value of then(undefined) as Iterable<Y>) yield value;
  return undefined;
}
