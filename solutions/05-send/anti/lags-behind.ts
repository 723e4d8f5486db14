// Anti-solution (off by one): yields the average before adding the number just sent, so every
// answer is one number late.
export function* gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  for (let step = start; ; step += 1) {
    const value = yield step;
    log(`Got ${value}`);
  }
}

export function* averager(): Generator<number | undefined, never, number> {
  let total = 0;
  let count = 0;
  let term: number | undefined = yield undefined;
  for (;;) {
    const average = count === 0 ? undefined : total / count;
    if (term !== undefined) {
      total += term;
      count += 1;
    }
    term = yield average;
  }
}

export function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return (...args) => {
    const g = genFn(...args);
    g.next();
    return g;
  };
}
