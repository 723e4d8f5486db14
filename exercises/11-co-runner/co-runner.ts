// Exercise 11: a co-routine runner. First drive the post's step/coro pair by hand with next(v),
// then write run(), which drives a generator that yields promises: async/await, by hand.
// The README explains each task; the tests in co-runner.test.ts are the exact specification.

/** Where step() writes its lines: console.log by default, an array's push in the tests. */
export type Log = (line: string) => void;

/**
 * The post's `@types.coroutine def step()`: yields `0, 1, 2, ...` and logs
 * `"Step got value <value>"` for each value sent back. It never returns.
 *
 * @example
 * const s = step();
 * s.next();         // { value: 0, done: false }
 * s.next('first');  // logs "Step got value first", then { value: 1, done: false }
 */
export function step(log: Log = console.log): Generator<number, never, unknown> {
  // TODO: a generator function: an endless loop of `const value = yield s`, a log line, s += 1.
  throw new Error('Not implemented yet: write step() (README task 1).');
}

/**
 * The post's `async def coro()`: delegates to `step()` forever (its `await step()` is a `yield*`
 * here), so every value sent to it reaches step.
 *
 * @example
 * const c = coro();
 * c.next();         // { value: 0, done: false }
 * c.next('first');  // logs "Step got value first", then { value: 1, done: false }
 */
export function coro(log: Log = console.log): Generator<number, never, unknown> {
  // TODO: a generator function that delegates to step(log) with yield*, in an endless loop.
  throw new Error('Not implemented yet: write coro() (README task 1).');
}

/**
 * Runs `genFn(...args)` as if it were an async function whose `await`s are `yield`s: each
 * yielded value is awaited (a plain value comes back as it is, a thenable is adopted), the
 * generator resumes with `next(value)` or, for a rejection, `throw(reason)`. The promise settles
 * with the generator's return value, or rejects with what escapes it. run() itself never throws.
 *
 * @example
 * run(function* (id: number) {
 *   const user = yield fetchUser(id);   // like: const user = await fetchUser(id)
 *   return user.name;
 * }, 7);                                // Promise<name>
 */
export function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  // TODO: return new Promise((resolve, reject) => ...) that calls genFn(...args), resumes the
  // generator when each yielded value settles, and never lets an error escape. No async/await.
  throw new Error('Not implemented yet: write run() (README tasks 2 to 5).');
}
