// Anti-solution (off by one): flatten() opens one level more than depth asks, so depth 0 flattens
// one level and depth 1 two.
export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  for (const it of iterables) yield* it;
}

export function* chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  for (const it of iterables) yield* it;
}

function isNested(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
  );
}

export function* flatten(
  items: Iterable<unknown>,
  depth = Infinity,
): Generator<unknown, void, unknown> {
  for (const item of items) {
    if (depth >= 0 && isNested(item)) yield* flatten(item, depth - 1);
    else yield item;
  }
}
