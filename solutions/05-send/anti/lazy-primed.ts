// Anti-solution: primed() wraps the generator in another generator function, so the priming
// next() only happens on the caller's first next(v), and that first v is lost all the same.
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
  let average: number | undefined;
  for (;;) {
    const term: number | undefined = yield average;
    if (term === undefined) continue;
    total += term;
    count += 1;
    average = total / count;
  }
}

export function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return function* (...args: A): Generator<Y, R, N> {
    const g = genFn(...args);
    g.next();
    return yield* g;
  };
}
