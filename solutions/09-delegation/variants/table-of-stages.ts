// gen walks a small fixed table of stages with yield* in a loop; labelled loop; default export mix
export type Log = (line: string) => void;

export function* internal(
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  let i = 0;
  count: for (;;) {
    if (i >= limit) break count;
    const got = yield i;
    log(`${name} got: ${got}`);
    i++;
  }
  return `${name} finished`;
}

const STAGES: ReadonlyArray<readonly [string, number]> = [
  ['A', 3],
  ['B', 2],
];

export default function* gen(log: Log = console.log): Generator<number, string, unknown> {
  let last = '';
  for (const [name, limit] of STAGES) last = yield* internal(name, limit, log);
  return last;
}
export { gen };

export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function* delegate<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
): Generator<Y, unknown, N> {
  const r = yield* inner;
  return then === undefined ? r : yield* then(r);
}
