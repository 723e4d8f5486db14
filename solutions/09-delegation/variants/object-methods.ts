// generator methods of an object literal; gen delegates through delegate() with a then
export type Log = (line: string) => void;

const post = {
  *internal(
    name: string,
    limit: number,
    log: Log = console.log,
  ): Generator<number, string, unknown> {
    let i = 0;
    while (i < limit) {
      const got = yield i++;
      log(`${name} got: ${got}`);
    }
    return `${name} finished`;
  },
  *delegate(
    inner: Iterable<any, any, any>,
    then?: (result: any) => Iterable<any, any, any>,
  ): Generator<any, any, any> {
    const result = yield* inner;
    if (then === undefined) return result;
    return yield* then(result);
  },
  *gen(log: Log = console.log): Generator<number, string, unknown> {
    return yield* post.delegate(post.internal('A', 3, log), () => post.internal('B', 2, log));
  },
};

export const internal: (
  name: string,
  limit: number,
  log?: Log,
) => Generator<number, string, unknown> = post.internal;
export const gen: (log?: Log) => Generator<number, string, unknown> = post.gen;
export const delegate = post.delegate as {
  <Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
  <Y, R, N, S>(
    inner: Iterable<Y, R, N>,
    then: (result: R) => Iterable<Y, S, N>,
  ): Generator<Y, S, N>;
};
