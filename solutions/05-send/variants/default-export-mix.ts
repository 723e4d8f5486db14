// averager default-exported and re-exported by name; gen defined as a const generator expression
export const gen = function* (
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  let step = start;
  while (true) {
    const value: unknown = yield step;
    step += 1;
    log(`Got ${value}`);
  }
};

export default function* averager(): Generator<number | undefined, never, number> {
  const state = { total: 0, count: 0 };
  for (;;) {
    const x: number | undefined = yield state.count ? state.total / state.count : undefined;
    if (x !== undefined) {
      state.total += x;
      state.count += 1;
    }
  }
}
export { averager };

export function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return (...args) => {
    const g = genFn(...args);
    g.next();
    return g;
  };
}
