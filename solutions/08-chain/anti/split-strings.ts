// Anti-solution: flatten() stops only at one-character strings, so longer strings are split into
// their characters. (Without even that stop, 'a' would hold 'a' forever.)
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
    const nested = isNested(item) || (typeof item === 'string' && item.length > 1);
    if (depth > 0 && nested) yield* flatten(item as Iterable<unknown>, depth - 1);
    else yield item;
  }
}
