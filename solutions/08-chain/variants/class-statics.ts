// static generator methods; flatten delegates level by level through a private helper with depth as a countdown
class Chains {
  static *chain<T>(...iterables: Iterable<T>[]): Generator<T, void, unknown> {
    yield* Chains.chainFromIterable(iterables);
  }
  static *chainFromIterable<T>(iterables: Iterable<Iterable<T>>): Generator<T, void, unknown> {
    for (const it of iterables) yield* it;
  }
  static *flatten(items: Iterable<unknown>, depth = Infinity): Generator<unknown, void, unknown> {
    for (const item of items) yield* Chains.one(item, depth);
  }
  private static *one(item: unknown, depth: number): Generator<unknown, void, unknown> {
    const nested = typeof item === 'object' && item !== null && Symbol.iterator in item;
    if (nested && depth > 0) yield* Chains.flatten(item as Iterable<unknown>, depth - 1);
    else yield item;
  }
}

const { chain, chainFromIterable, flatten } = Chains;
export { chain, chainFromIterable, flatten };
