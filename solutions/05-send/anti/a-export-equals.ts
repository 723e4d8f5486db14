// Kind A: CommonJS-style `export =` of an object whose averager keeps a list; does vitest load it, and does the checker read it? (likely stopped by tests: no named exports)
function* gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  for (let s = start; ; s++) log(`Got ${yield s}`);
}
function* averager(): Generator<number | undefined, never, number> {
  const all: number[] = [];
  for (;;) {
    const x: number | undefined = yield all.length
      ? all.reduce((a, b) => a + b, 0) / all.length
      : undefined;
    if (x !== undefined) all.push(x);
  }
}
function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return (...args) => {
    const g = genFn(...args);
    g.next();
    return g;
  };
}
export = { gen, averager, primed };
