// Anti-solution: chain() delegates with yield*, but chainFromIterable() re-yields in a nested
// for-of. Its values and its closing are right, yet next(v) and throw() never reach the inner.

/**
 * Yields every value of each iterable in turn, opening each only when it is reached.
 *
 * @example [...chain('hello', ' ', 'world')]; // ['h', 'e', 'l', 'l', 'o', ' ', 'w', ...]
 * @example [...chain([1, 2], new Set([3]))];  // [1, 2, 3]
 */
export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  // yield* opens each iterable only when reached, and forwards next(v), throw() and return().
  for (const it of iterables) yield* it;
}

/**
 * Like `chain`, but the iterables to chain come from one (possibly endless) iterable, read one at
 * a time.
 *
 * @example [...chainFromIterable([[1, 2], [3]])]; // [1, 2, 3]
 */
export function* chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  for (const it of iterables) {
    for (const x of it) yield x;
  }
}

/** Whether `value` can be flattened: iterable, and not a string (whose characters are strings). */
function isNested(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
  );
}

/**
 * Yields the values of `items`, replacing each iterable value (except strings) by its own values,
 * down to `depth` levels below `items`.
 *
 * @example [...flatten([1, [2, [3, ['four']]]])];  // [1, 2, 3, 'four']
 * @example [...flatten([1, [2, [3]]], 1)];         // [1, 2, [3]]
 */
export function* flatten(
  items: Iterable<unknown>,
  depth = Infinity,
): Generator<unknown, void, unknown> {
  for (const item of items) {
    if (depth > 0 && isNested(item)) yield* flatten(item, depth - 1);
    else yield item;
  }
}
