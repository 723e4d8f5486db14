// Exercise 01: lazy range. Rebuild Python's range() and itertools.count() as generator
// functions, which hand out one number per next() and never hold the whole sequence.
// The README explains each task; the tests in lazy-range.test.ts are the exact specification.

/**
 * Yields `0, 1, ..., stop - 1`, or `start, start + step, ...` up to (not including) `stop`.
 * Throws a RangeError when `step` is 0.
 *
 * @example [...range(3)]          // [0, 1, 2]
 * @example [...range(5, 0, -2)]   // [5, 3, 1]
 */
export function range(stop: number): Generator<number, void, unknown>;
export function range(start: number, stop: number, step?: number): Generator<number, void, unknown>;
export function range(
  startOrStop: number,
  stop?: number,
  step = 1,
): Generator<number, void, unknown> {
  // TODO: make this a generator function (function*) and yield the values one by one.
  throw new Error('Not implemented yet: write range() (README tasks 1 to 3, 5).');
}

/**
 * Yields `start, start + step, start + 2 * step, ...` forever.
 *
 * @example const c = count(10, 5); c.next().value; // 10, then 15, 20, ...
 */
export function count(start = 0, step = 1): Generator<number, never, unknown> {
  // TODO: a generator function that never returns.
  throw new Error('Not implemented yet: write count() (README task 4).');
}
