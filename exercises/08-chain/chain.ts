// Exercise 08: chain. Sequences end to end with yield*, lazily, even when they never end: the
// post's chain2, itertools.chain.from_iterable, and a deep flatten. The README explains each
// task; the tests in chain.test.ts are the exact specification.

/**
 * Yields every value of each iterable in turn, opening each only when it is reached.
 *
 * @example [...chain('hello', ' ', 'world')]; // ['h', 'e', 'l', 'l', 'o', ' ', 'w', ...]
 * @example [...chain([1, 2], new Set([3]))];  // [1, 2, 3]
 */
export function chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  // TODO: a generator function that delegates to each iterable with yield*.
  throw new Error('Not implemented yet: write chain() (README tasks 1 to 4).');
}

/**
 * Like `chain`, but the iterables to chain come from one (possibly endless) iterable, read one at
 * a time.
 *
 * @example [...chainFromIterable([[1, 2], [3]])]; // [1, 2, 3]
 */
export function chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  // TODO: a generator function: for each iterable the outer one gives, yield* it.
  throw new Error('Not implemented yet: write chainFromIterable() (README task 5).');
}

/**
 * Yields the values of `items`, replacing each iterable value (except strings) by its own values,
 * down to `depth` levels below `items`.
 *
 * @example [...flatten([1, [2, [3, ['four']]]])];  // [1, 2, 3, 'four']
 * @example [...flatten([1, [2, [3]]], 1)];         // [1, 2, [3]]
 */
export function flatten(
  items: Iterable<unknown>,
  depth = Infinity,
): Generator<unknown, void, unknown> {
  // TODO: a generator function calling itself with yield* on each iterable that is not a string.
  throw new Error('Not implemented yet: write flatten() (README task 6).');
}
