// Kind F: range and count are function* shells that only yield* over a hand-written iterator object; passes the tests today
class Stepper implements Iterator<number> {
  private v: number;
  constructor(
    private readonly a: number,
    private readonly b: number | undefined,
    private readonly s: number,
  ) {
    this.v = NaN;
  }
  next(): IteratorResult<number> {
    if (Number.isNaN(this.v)) {
      if (this.s === 0) throw new RangeError('range() step must not be zero');
      this.v = this.b === undefined ? 0 : this.a;
    }
    const stop = this.b === undefined ? this.a : this.b;
    if (this.s > 0 ? this.v < stop : this.v > stop) {
      const out = this.v;
      this.v += this.s;
      return { value: out, done: false };
    }
    return { value: undefined, done: true };
  }
  [Symbol.iterator]() {
    return this;
  }
}

export function* range(a: number, b?: number, s = 1): Generator<number, void, unknown> {
  yield* new Stepper(a, b, s);
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  yield* new Stepper(start, step < 0 ? -Infinity : Infinity, step);
  throw new Error('unreachable');
}
