// wrappers around generator functions: internal is bound, gen a Proxy with an apply trap, and
// delegate an arrow around a generator method of an object literal taken out by destructuring
export type Log = (line: string) => void;

function* counter(
  this: { finished: string },
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    log(`${name} got: ${got}`);
  }
  return `${name} ${this.finished}`;
}

export const internal: (name: string, limit: number, log?: Log) => Generator<number, string> =
  counter.bind({ finished: 'finished' });

function* session(log: Log = console.log): Generator<number, string, unknown> {
  yield* internal('A', 3, log);
  return yield* internal('B', 2, log);
}

export const gen = new Proxy(session, {
  apply(target, self, args: Parameters<typeof session>) {
    return target.call(self, ...args);
  },
});

const { forward } = {
  *forward<Y, N>(
    inner: Iterable<Y, unknown, N>,
    then?: (result: unknown) => Iterable<Y, unknown, N>,
  ): Generator<Y, unknown, N> {
    const result = yield* inner;
    return then ? yield* then(result) : result;
  },
};

type Delegate = {
  <Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
  <Y, R, N, S>(
    inner: Iterable<Y, R, N>,
    then: (result: R) => Iterable<Y, S, N>,
  ): Generator<Y, S, N>;
};

export const delegate = ((
  inner: Iterable<unknown>,
  then?: (result: unknown) => Iterable<unknown>,
) => forward(inner, then)) as Delegate;
