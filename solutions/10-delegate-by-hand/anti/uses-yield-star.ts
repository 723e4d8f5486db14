// Anti-solution: behaves exactly right, because it is exercise 09's solution: delegate() is a
// function* around yield*. The exercise is to write that loop by hand.

/** Where internal() writes its lines: console.log by default, an array's push in the tests. */
export type Log = (line: string) => void;

/**
 * The post's `internal(name, limit)`: yields `0, 1, ..., limit - 1`, logs `"<name> got: <value>"`
 * for each value sent back, and returns `"<name> finished"`.
 *
 * @example
 * const a = internal('A', 2);
 * a.next();      // { value: 0, done: false }
 * a.next('hi');  // logs "A got: hi", then { value: 1, done: false }
 */
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

/**
 * The post's `gen()` without `yield*`: delegate to A, carry on with B, end with B's result.
 *
 * @example
 * const g = gen();
 * g.next();   // { value: 0, done: false }, from A
 * g.next(1);  // logs "A got: 1", then { value: 1, done: false }
 */
export function* gen(log: Log = console.log): Generator<number, string, unknown> {
  yield* internal('A', 3, log);
  return yield* internal('B', 2, log);
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
  const result = yield* inner;
  return then ? yield* then(result) : result;
}
