// generator methods of an object literal, destructured exports; flatten recurses through the object
const isIterableObject = (v: unknown): v is Iterable<unknown> =>
  v !== null && typeof v === 'object' && Symbol.iterator in v;

const chains = {
  *chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
    for (let i = 0; i < iterables.length; i++) yield* iterables[i]!;
  },
  *chainFromIterable<T>(iterables: Iterable<Iterable<T>>): Generator<T, void, unknown> {
    for (const inner of iterables) yield* inner;
  },
  *flatten(items: Iterable<unknown>, depth = Infinity): Generator<unknown, void, unknown> {
    for (const item of items) {
      if (depth >= 1 && isIterableObject(item)) yield* chains.flatten(item, depth - 1);
      else yield item;
    }
  },
};

export const { chain, chainFromIterable, flatten } = chains;
