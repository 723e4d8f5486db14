// Anti-solution: a shortcut for plain values: they are sent straight back in a synchronous loop,
// so the body runs past `yield 5` before run() has even returned, unlike `await 5`.
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

const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';

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
        while (!result.done && !isThenable(result.value)) result = g.next(result.value);
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
    advance(() => {
      g = genFn(...args);
      return g.next();
    });
  });
}
