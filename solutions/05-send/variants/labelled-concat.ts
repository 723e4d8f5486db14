// labelled loop with continue, the log line built with .concat, primed returns a named function
// Exercise 05: send, solved.

/**
 * The post's `gen(start)`: yields `start, start + 1, ...` for ever, and logs `Got <value>` for
 * each value sent in with `next(value)`. The value given to the first `next()` is dropped.
 *
 * @example
 * const g = gen(1);
 * g.next(); //        { value: 1, done: false }
 * g.next('hello'); // logs "Got hello", then { value: 2, done: false }
 */
export function* gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  for (let step = start; ; step += 1) {
    // Paused here: the next next(value) makes this yield evaluate to value.
    const value = yield step;
    log('Got '.concat(String(value)));
  }
}

/**
 * A coroutine that keeps a running average. The first `next()` yields `undefined`; each
 * `next(x)` after it yields the average of all the numbers sent so far. A bare `next()` adds
 * nothing and yields the current average again.
 *
 * @example
 * const avg = averager();
 * avg.next(); //   { value: undefined, done: false }
 * avg.next(10); // { value: 10, done: false }
 * avg.next(30); // { value: 20, done: false }
 */
export function* averager(): Generator<number | undefined, never, number> {
  let total = 0;
  let count = 0;
  let average: number | undefined;
  listen: for (;;) {
    // TypeScript allows a bare next() even though N is number: guard against undefined.
    const term: number | undefined = yield average;
    if (term === undefined) continue listen;
    total += term;
    count += 1;
    average = total / count;
  }
}

/**
 * Wraps a generator function so that each generator it makes has already been advanced to its
 * first `yield`, ready to receive a value.
 *
 * @example
 * const newAverager = primed(averager);
 * const avg = newAverager();
 * avg.next(10); // { value: 10, done: false }: the 10 is not lost
 */
export function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return function primedCall(...args: A): Generator<Y, R, N> {
    const g = genFn(...args);
    g.next();
    return g;
  };
}
