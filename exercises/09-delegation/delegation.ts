// Exercise 09: delegation. Rebuild the post's `yield from` example with `yield*`, and a general
// delegate() that hands everything on to an inner iterable and back.
// The README explains each task; delegation.suite.ts holds the exact specification.

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
export function internal(
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  // TODO: a generator function: `const got = yield i` in a loop, a log line, then the return.
  throw new Error('Not implemented yet: write internal() (README task 6).');
}

/**
 * The post's `gen()`: delegates to `internal('A', 3)`, then to `internal('B', 2)`, and returns
 * what B returns.
 *
 * @example
 * const g = gen();
 * g.next();   // { value: 0, done: false }, from A
 * g.next(1);  // logs "A got: 1", then { value: 1, done: false }
 */
export function gen(log: Log = console.log): Generator<number, string, unknown> {
  // TODO: a generator function with two yield* and a return.
  throw new Error('Not implemented yet: write gen() (README task 6).');
}

/**
 * Behaves like `yield* inner` in a generator of its own: yields what `inner` yields, forwards
 * `next(v)`, `throw(e)` and `return(v)` to it, and returns its return value. Given `then`, it goes
 * on to delegate to `then(result)` and returns what that returns.
 *
 * @example
 * [...delegate(['a', 'b'])];                       // ['a', 'b']
 * delegate(internal('A', 1), () => internal('B', 1)); // A, then B, then 'B finished'
 */
export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function delegate<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
): Generator<Y, unknown, N> {
  // TODO: a generator function whose body is one or two yield* (README tasks 1 to 5).
  throw new Error('Not implemented yet: write delegate() (README tasks 1 to 5).');
}
