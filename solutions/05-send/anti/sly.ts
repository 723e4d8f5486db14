// Anti-solution that fools a text search: the words "function*" and "yield" appear below, in a
// comment and in a string, but gen() is a plain function returning a hand-made object.
//
//   function* gen(start) { for (;;) { const value = yield step; ... } }
//
const shape = 'const value = yield step';

export function gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  let step = start;
  let started = false;
  const it = {
    next(value?: unknown) {
      if (started) {
        log(`Got ${value}`);
        step += 1;
      }
      started = true;
      return { value: step, done: false as const };
    },
    describe: () => shape,
    [Symbol.iterator]() {
      return it;
    },
  };
  return it as unknown as Generator<number, never, unknown>;
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
  return (...args) => {
    const g = genFn(...args);
    g.next();
    return g;
  };
}
