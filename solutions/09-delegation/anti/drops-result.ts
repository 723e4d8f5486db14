// Anti-solution: uses yield*, but throws away what it evaluates to. delegate() ends with
// undefined instead of the inner's return value, and gen() never returns "B finished".
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

export function* gen(log: Log = console.log): Generator<number, string | undefined, unknown> {
  yield* internal('A', 3, log);
  yield* internal('B', 2, log);
  return undefined;
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
  yield* inner;
  if (then) yield* then(undefined);
  return undefined;
}
