// run() as an exported arrow function, step logs with .concat
// Exercise 11: a co-routine runner, solved. run() is the part of `async function` that JS keeps
// to itself: resume the generator with what each yielded promise settles to.

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
export function* step(log: Log = console.log): Generator<number, never, unknown> {
  for (let s = 0; ; s++) {
    const value = yield s;
    log('Step got value '.concat(String(value)));
  }
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
export function* coro(log: Log = console.log): Generator<number, never, unknown> {
  for (;;) {
    const got = yield* step(log);
    log(String(got)); // never reached: step never returns, as in the post
  }
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
export const run = <A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> => {
  return new Promise<R>((resolve, reject) => {
    let g: Generator<unknown, R, any>;
    // One resumption: run the generator to its next yield, then wait on what it yielded.
    const advance = (resume: () => IteratorResult<unknown, R>): void => {
      let result: IteratorResult<unknown, R>;
      try {
        result = resume();
      } catch (error) {
        reject(error);
        return;
      }
      if (result.done) {
        resolve(result.value);
        return;
      }
      Promise.resolve(result.value).then(
        (value) => advance(() => g.next(value)),
        (reason: unknown) => advance(() => g.throw(reason)),
      );
    };
    // Like an async function, the body runs at once, up to its first yield.
    advance(() => {
      g = genFn(...args);
      return g.next();
    });
  });
};
