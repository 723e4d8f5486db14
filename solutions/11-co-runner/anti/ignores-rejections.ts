// Anti-solution: waits on every yielded promise, but treats a rejection like a value: the
// generator gets the reason back from its yield instead of having it thrown there.
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
    log(`Step got value ${value}`);
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

export function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let g: Generator<unknown, R, any>;
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
      const again = (value: unknown) => advance(() => g.next(value));
      Promise.resolve(result.value).then(again, again);
    };
    advance(() => {
      g = genFn(...args);
      return g.next();
    });
  });
}
