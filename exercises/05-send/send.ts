// Exercise 05: send. Coroutines that take values in: next(v) resumes the body, and the yield it
// was paused at evaluates to v. The README explains each task; the tests in send.test.ts are the
// exact specification.

/**
 * The post's `gen(start)`: yields `start, start + 1, ...` for ever, and logs `Got <value>` for
 * each value sent in with `next(value)`. The value given to the first `next()` is dropped.
 *
 * @example
 * const g = gen(1);
 * g.next(); //        { value: 1, done: false }
 * g.next('hello'); // logs "Got hello", then { value: 2, done: false }
 */
export function gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  // TODO: a generator function whose `const value = yield step` receives what next(value) sends.
  throw new Error('Not implemented yet: write gen() (README task 1).');
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
export function averager(): Generator<number | undefined, never, number> {
  // TODO: a generator function that keeps only a total and a count.
  throw new Error('Not implemented yet: write averager() (README task 2).');
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
  // TODO: return a function that creates the generator, calls next() once, and returns it.
  throw new Error('Not implemented yet: write primed() (README task 3).');
}
