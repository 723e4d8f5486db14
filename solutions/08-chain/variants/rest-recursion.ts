// chain by recursion on the rest of its arguments (head first, then yield* of chain(...rest)); flatten with a default+named export
export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
  if (iterables.length === 0) return;
  const [head, ...rest] = iterables;
  yield* head!;
  yield* chain(...rest);
}

export function* chainFromIterable<T>(
  iterables: Iterable<Iterable<T>>,
): Generator<T, void, unknown> {
  for (const it of iterables) yield* it;
}

export default function* flatten(
  items: Iterable<unknown>,
  depth = Infinity,
): Generator<unknown, void, unknown> {
  for (const item of items) {
    const deep =
      depth > 0 &&
      Object(item) === item &&
      typeof item !== 'function' &&
      Symbol.iterator in Object(item);
    if (deep) yield* flatten(item as Iterable<unknown>, depth - 1);
    else yield item;
  }
}
export { flatten };
