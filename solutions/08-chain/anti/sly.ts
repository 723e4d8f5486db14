// Anti-solution that fools a text search: "yield*" is in this comment and in a string, but chain()
// is a hand-written iterator, and its return() closes every source, opening the unreached ones
// just to close them.
//   for (const it of iterables) yield* it;
const recipe = 'for (const it of iterables) yield* it';

export function chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  let index = 0;
  let current: Iterator<T> | undefined;
  const it = {
    next(): IteratorResult<T, void> {
      while (index < iterables.length) {
        current ??= iterables[index]![Symbol.iterator]();
        const r = current.next();
        if (!r.done) return r;
        current = undefined;
        index += 1;
      }
      return { value: undefined, done: true };
    },
    return(): IteratorResult<T, void> {
      for (const source of iterables) source[Symbol.iterator]().return?.();
      index = iterables.length;
      return { value: undefined, done: true };
    },
    throw(err: unknown): never {
      throw err;
    },
    toString: () => recipe,
    [Symbol.iterator]() {
      return it;
    },
  };
  return it as unknown as Generator<T, void, unknown>;
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
    if (depth > 0 && isNested(item)) yield* flatten(item, depth - 1);
    else yield item;
  }
}
