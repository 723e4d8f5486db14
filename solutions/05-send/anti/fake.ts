// Anti-solution: averager() is a hand-written object that looks like a generator, but it has no
// paused body: it counts the value of the very first next(v), which a real generator drops.
export function* gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  for (let step = start; ; step += 1) {
    const value = yield step;
    log(`Got ${value}`);
  }
}

export function averager(): Generator<number | undefined, never, number> {
  let total = 0;
  let count = 0;
  const it = {
    next(term?: number) {
      if (term !== undefined) {
        total += term;
        count += 1;
      }
      return { value: count === 0 ? undefined : total / count, done: false as const };
    },
    return(): never {
      throw new Error('cannot stop');
    },
    throw(err: unknown): never {
      throw err;
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it as unknown as Generator<number | undefined, never, number>;
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
