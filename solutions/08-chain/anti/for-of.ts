// Anti-solution: the post's simplest reading of yield from, `for e in it: yield e`, taken
// literally. The values come out right and lazily, but next(v) and throw() never reach the source.
export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  for (const it of iterables) {
    for (const x of it) yield x;
  }
}

export function* chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  for (const it of iterables) {
    for (const x of it) yield x;
  }
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
    if (depth > 0 && isNested(item)) {
      for (const x of flatten(item, depth - 1)) yield x;
    } else {
      yield item;
    }
  }
}
