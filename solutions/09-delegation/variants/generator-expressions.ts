// internal and gen as generator expressions in exported consts
// Exercise 09: delegation, solved.

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
export const internal = function* (
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    log(`${name} got: ${got}`);
  }
  return `${name} finished`;
};

/**
 * The post's `gen()`: delegates to `internal('A', 3)`, then to `internal('B', 2)`, and returns
 * what B returns.
 *
 * @example
 * const g = gen();
 * g.next();   // { value: 0, done: false }, from A
 * g.next(1);  // logs "A got: 1", then { value: 1, done: false }
 */
export const gen = function* (log: Log = console.log): Generator<number, string, unknown> {
  yield* internal('A', 3, log);
  return yield* internal('B', 2, log);
};

/**
 * Behaves like `yield* inner` in a generator of its own: yields what `inner` yields, forwards
 * `next(v)`, `throw(e)` and `return(v)` to it, and returns its return value. Given `then`, it goes
 * on to delegate to `then(result)` and returns what that returns.
 *
 * @example
 * const d = delegate(['a', 'b']);
 * [...d];  // ['a', 'b']
 */
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
