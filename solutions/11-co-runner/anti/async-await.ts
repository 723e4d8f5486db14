// Anti-solution: run() as an async function. It behaves like the real thing because it is the
// real thing: the exercise is to build what async/await does, not to use it.
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

export async function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  const g = genFn(...args);
  let result = g.next();
  while (!result.done) {
    let value: unknown;
    try {
      value = await result.value;
    } catch (reason) {
      result = g.throw(reason);
      continue;
    }
    result = g.next(value);
  }
  return result.value;
}
