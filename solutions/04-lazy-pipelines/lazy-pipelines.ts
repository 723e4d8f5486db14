// Exercise 04: lazy pipelines, solved.

/** A count for take() and drop(): a whole number >= 0, or Infinity. */
function checkCount(n: number, name: string): void {
  if (!(n >= 0 && (Number.isInteger(n) || n === Infinity))) {
    throw new RangeError(`${name}() needs a whole number >= 0, not ${n}`);
  }
}

/** An index for islice(): a whole number >= min, as Python's islice demands. */
function checkIndex(value: number, min: number, what: string): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`islice() ${what} must be null or a whole number >= ${min}, not ${value}`);
  }
}

/**
 * Yields the first `n` values of `iterable`, reading exactly `n` of them (never one more), then
 * closes the source. `n` is a whole number >= 0, or Infinity; anything else is a RangeError.
 *
 * @example [...take(count(), 3)]   // [0, 1, 2]
 */
export function* take<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  checkCount(n, 'take');
  if (n === 0) return;
  let taken = 0;
  for (const value of iterable) {
    yield value;
    // Count after the yield: checking before it would read one value too many. Returning from
    // inside for-of closes the source.
    taken += 1;
    if (taken >= n) return;
  }
}

/**
 * Skips the first `n` values of `iterable` and yields the rest. The skipping happens on the first
 * `next()`, not before. `n` is a whole number >= 0, or Infinity; anything else is a RangeError.
 *
 * @example [...drop([1, 2, 3, 4], 2)]   // [3, 4]
 */
export function* drop<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  checkCount(n, 'drop');
  let skipped = 0;
  for (const value of iterable) {
    if (skipped < n) skipped += 1;
    else yield value;
  }
}

/**
 * Yields the values for which `predicate(value, index)` is truthy; `index` counts the source's
 * values from 0. Reads the source only as far as the next value it yields.
 *
 * @example [...filter([1, 2, 3, 4], (n) => n % 2 === 0)]   // [2, 4]
 */
export function filter<T, S extends T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => value is S,
): Generator<S, void, unknown>;
export function filter<T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown>;
export function* filter<T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown> {
  let index = 0;
  // If predicate throws, the error leaves the for-of, which closes the source on its way out.
  for (const value of iterable) if (predicate(value, index++)) yield value;
}

/**
 * Yields `fn(value, index)` for each value of `iterable`, calling `fn` once per value it reads.
 *
 * @example [...map(['a', 'b'], (s, i) => s + i)]   // ['a0', 'b1']
 */
export function* map<T, U>(
  iterable: Iterable<T>,
  fn: (value: T, index: number) => U,
): Generator<U, void, unknown> {
  let index = 0;
  for (const value of iterable) yield fn(value, index++);
}

/**
 * Python's `itertools.islice`: `islice(it, stop)` or `islice(it, start, stop, step = 1)`. Yields
 * the values at positions start, start + step, ... below stop; `null` for stop means no end, `null`
 * for start or step means 0 or 1. Reads the source up to `stop` and closes it. Negative or
 * fractional values and a step of 0 are a RangeError.
 *
 * @example [...islice('ABCDEFG', 2)]              // ['A', 'B']
 * @example [...islice('ABCDEFG', 2, null, 2)]     // ['C', 'E', 'G']
 */
export function islice<T>(iterable: Iterable<T>, stop: number | null): Generator<T, void, unknown>;
export function islice<T>(
  iterable: Iterable<T>,
  start: number | null,
  stop: number | null,
  step?: number | null,
): Generator<T, void, unknown>;
export function* islice<T>(
  iterable: Iterable<T>,
  ...args: (number | null | undefined)[]
): Generator<T, void, unknown> {
  // One number means islice(it, stop), as in Python.
  const [start, stop, step] =
    args.length <= 1 ? [0, args[0], 1] : [args[0] ?? 0, args[1], args[2] ?? 1];
  checkIndex(start, 0, 'start');
  if (stop != null) checkIndex(stop, 0, 'stop');
  checkIndex(step, 1, 'step');
  const end = stop ?? Infinity;
  if (start >= end) return;

  let position = 0;
  let wanted = start;
  for (const value of iterable) {
    if (position === wanted) {
      yield value;
      wanted += step;
    }
    position += 1;
    // Like Python, read on up to stop even when no more values will be yielded, then close.
    if (position >= end) return;
  }
}

/**
 * The post's example: the first `count` even numbers of `numbers`, as
 * `itertools.islice(filter(lambda n: n % 2 == 0, rg), 10)` gives them. Build it from your own
 * helpers; it reads `numbers` only as far as the last even number it hands out.
 *
 * @example [...firstEvens(range(1_000_000))]   // [0, 2, 4, ..., 18]
 */
export function firstEvens(
  numbers: Iterable<number>,
  count = 10,
): Generator<number, void, unknown> {
  return islice(
    filter(numbers, (n) => n % 2 === 0),
    count,
  );
}
