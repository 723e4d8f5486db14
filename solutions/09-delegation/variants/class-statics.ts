// static generator methods on a class, exported with export { as }; the post's gen as two yield* statements
export type Log = (line: string) => void;

class Post {
  static *internal(
    name: string,
    limit: number,
    log: Log = console.log,
  ): Generator<number, string, unknown> {
    for (let i = 0; i < limit; i += 1) log(`${name} got: ${yield i}`);
    return `${name} finished`;
  }
  static *gen(log: Log = console.log): Generator<number, string, unknown> {
    yield* Post.internal('A', 3, log);
    return yield* Post.internal('B', 2, log);
  }
}

export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function* delegate<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
): Generator<Y, unknown, N> {
  return then ? yield* then(yield* inner) : yield* inner;
}

const { internal, gen } = Post;
export { internal, gen as gen };
