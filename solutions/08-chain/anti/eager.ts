// Anti-solution: chain() and chainFromIterable() copy every source into one array first, then
// yield from the array. Right values for small inputs; endless ones never get past the copy.
export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  const all: T[] = [];
  for (const it of iterables) all.push(...it);
  yield* all;
}

export function* chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  yield* Array.from(iterables).flatMap((it) => Array.from(it));
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
    if (depth > 0 && isNested(item)) yield* flatten(item, depth - 1);
    else yield item;
  }
}
