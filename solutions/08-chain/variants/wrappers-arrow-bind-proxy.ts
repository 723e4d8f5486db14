// wrappers around generator functions: an arrow for chain, a Proxy for chainFromIterable, a bound
// generator method of an object literal (taken out by destructuring) for flatten
interface Nesting {
  isNested(value: unknown): value is Iterable<unknown>;
  flat(items: Iterable<unknown>, depth?: number): Generator<unknown, void, unknown>;
}

const generators = {
  *fromIterable<T>(iterables: Iterable<Iterable<T>>): Generator<T, void, unknown> {
    for (const inner of iterables) yield* inner;
  },
  *flat(
    this: Nesting,
    items: Iterable<unknown>,
    depth = Infinity,
  ): Generator<unknown, void, unknown> {
    for (const item of items) {
      if (depth > 0 && this.isNested(item)) yield* this.flat(item, depth - 1);
      else yield item;
    }
  },
  isNested(value: unknown): value is Iterable<unknown> {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
    );
  },
};

const { fromIterable, flat } = generators;

export const chainFromIterable = new Proxy(fromIterable, {}) as <T>(
  iterables: Iterable<Iterable<T>>,
) => Generator<T, void, unknown>;

function* each<T>(iterables: Iterable<T>[]): Generator<T, void, unknown> {
  for (const it of iterables) yield* it;
}

export const chain = <T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> =>
  each(iterables);

export const flatten: (
  items: Iterable<unknown>,
  depth?: number,
) => Generator<unknown, void, unknown> = flat.bind(generators);
