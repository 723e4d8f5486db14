// averager keeps its running state in a tiny class; gen uses a labelled loop; primed is a named function declaration
class Mean {
  private total = 0;
  private n = 0;
  add(x: number): void {
    this.total += x;
    this.n += 1;
  }
  get value(): number | undefined {
    return this.n === 0 ? undefined : this.total / this.n;
  }
}

export function* gen(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  let current = start;
  forever: for (;;) {
    const sent: unknown = yield current;
    log('Got ' + String(sent));
    current += 1;
    continue forever;
  }
}

export function* averager(): Generator<number | undefined, never, number> {
  const mean = new Mean();
  for (;;) {
    const x: number | undefined = yield mean.value;
    if (typeof x === 'number') mean.add(x);
  }
}

export function primed<A extends unknown[], Y, R, N>(
  genFn: (...args: A) => Generator<Y, R, N>,
): (...args: A) => Generator<Y, R, N> {
  return function primedCall(...args: A): Generator<Y, R, N> {
    const generator = genFn(...args);
    generator.next();
    return generator;
  };
}
