// Anti-solution: the averages are right, but averager() keeps every number it was sent in an
// array, so its memory grows with each value; a running total and a count are all it needs.
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
  const terms: number[] = [];
  let total = 0;
  let average: number | undefined;
  for (;;) {
    const term: number | undefined = yield average;
    if (term === undefined) continue;
    terms.push(term);
    total += term;
    average = total / terms.length;
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
