// Kind F: chain is an arrow wrapper around a function* whose only work is yield* over an array
// the wrapper made from every source at the call: a generator in name only.
function* replay<T>(values: T[]): Generator<T, void, unknown> {
  yield* values;
}

export const chain = <T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> =>
  replay(iterables.flatMap((it) => [...it]));

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
