// Exercise 04: lazy pipelines. Python chains lazy helpers like itertools.islice(filter(...)); here
// you write take, drop, filter, map and islice as generator functions that work on any iterable,
// even an endless one, and read from it only what they hand out.
// The README explains each task; the tests in lazy-pipelines.test.ts are the exact specification.

/**
 * Yields the first `n` values of `iterable`, reading exactly `n` of them (never one more), then
 * closes the source. `n` is a whole number >= 0, or Infinity; anything else is a RangeError.
 *
 * @example [...take(count(), 3)]   // [0, 1, 2]
 */
export function take<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  // TODO: a generator function (function*) that counts what it has yielded.
  throw new Error('Not implemented yet: write take() (README task 1).');
}

/**
 * Skips the first `n` values of `iterable` and yields the rest. The skipping happens on the first
 * `next()`, not before. `n` is a whole number >= 0, or Infinity; anything else is a RangeError.
 *
 * @example [...drop([1, 2, 3, 4], 2)]   // [3, 4]
 */
export function drop<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  // TODO: a generator function that lets the first n values go by.
  throw new Error('Not implemented yet: write drop() (README task 2).');
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
export function filter<T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown> {
  // TODO: a generator function that yields only what the predicate accepts.
  throw new Error('Not implemented yet: write filter() (README task 3).');
}

/**
 * Yields `fn(value, index)` for each value of `iterable`, calling `fn` once per value it reads.
 *
 * @example [...map(['a', 'b'], (s, i) => s + i)]   // ['a0', 'b1']
 */
export function map<T, U>(
  iterable: Iterable<T>,
  fn: (value: T, index: number) => U,
): Generator<U, void, unknown> {
  // TODO: a generator function that yields fn(value, index).
  throw new Error('Not implemented yet: write map() (README task 4).');
}

/**
 * Python's `itertools.islice`: `islice(it, stop)` or `islice(it, start, stop, step = 1)`. Yields
 * the values at positions start, start + step, ... below stop; `null` for stop means no end, `null`
 * for start or step means 0 or 1. Reads the source up to `stop` and closes it. Negative or
 * fractional values and a step below 1 are a RangeError.
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
export function islice<T>(
  iterable: Iterable<T>,
  ...args: (number | null | undefined)[]
): Generator<T, void, unknown> {
  // TODO: sort out start, stop and step as Python does, then one loop over the source.
  throw new Error('Not implemented yet: write islice() (README task 5).');
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
  // TODO: one line that chains your helpers.
  throw new Error('Not implemented yet: write firstEvens() (README task 6).');
}
