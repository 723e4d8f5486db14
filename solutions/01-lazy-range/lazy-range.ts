// Exercise 01: lazy range, solved.

/**
 * Yields `0, 1, ..., stop - 1`, or `start, start + step, ...` up to (not including) `stop`.
 * Throws a RangeError when `step` is 0.
 *
 * @example [...range(3)]          // [0, 1, 2]
 * @example [...range(5, 0, -2)]   // [5, 3, 1]
 */
export function range(stop: number): Generator<number, void, unknown>;
export function range(start: number, stop: number, step?: number): Generator<number, void, unknown>;
export function* range(
  startOrStop: number,
  stop?: number,
  step = 1,
): Generator<number, void, unknown> {
  // One argument means range(stop), as in Python.
  const [start, end] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
  if (step === 0) throw new RangeError('range() step must not be zero');
  for (let i = start; step > 0 ? i < end : i > end; i += step) yield i;
}

/**
 * Yields `start, start + step, start + 2 * step, ...` forever.
 *
 * @example const c = count(10, 5); c.next().value; // 10, then 15, 20, ...
 */
export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
