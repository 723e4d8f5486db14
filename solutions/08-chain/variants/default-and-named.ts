// flatten exported both as default and by name; chain delegates in a labelled loop
// Exercise 08: chain, solved.

/**
 * Yields every value of each iterable in turn, opening each only when it is reached.
 *
 * @example [...chain('hello', ' ', 'world')]; // ['h', 'e', 'l', 'l', 'o', ' ', 'w', ...]
 * @example [...chain([1, 2], new Set([3]))];  // [1, 2, 3]
 */
export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  // yield* opens each iterable only when reached, and forwards next(v), throw() and return().
  each: for (const it of iterables) {
    yield* it;
    continue each;
  }
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
  // The for-of reads the outer iterable lazily, and closes it when the chain is closed early.
  for (const it of iterables) yield* it;
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
export default function* flatten(
  items: Iterable<unknown>,
  depth = Infinity,
): Generator<unknown, void, unknown> {
  for (const item of items) {
    if (depth > 0 && isNested(item)) yield* flatten(item, depth - 1);
    else yield item;
  }
}

export { flatten };
