// Kind D: delegate comes from an indirect eval (alias of globalThis.eval built with bracket access); passes the tests today
export type Log = (line: string) => void;

export function* internal(
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    log(`${name} got: ${got}`);
  }
  return `${name} finished`;
}

export function* gen(log: Log = console.log): Generator<number, string, unknown> {
  yield* internal('A', 3, log);
  return yield* internal('B', 2, log);
}

const e = (globalThis as any)[['e', 'v', 'a', 'l'].join('')] as (s: string) => any;
export const delegate: {
  <Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
  <Y, R, N, S>(
    inner: Iterable<Y, R, N>,
    then: (result: R) => Iterable<Y, S, N>,
  ): Generator<Y, S, N>;
} = e('(function* (inner, then) { const r = yield* inner; return then ? yield* then(r) : r; })');
