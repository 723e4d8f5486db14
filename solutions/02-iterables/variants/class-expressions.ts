// class expressions bound to consts, exported with export { X as Y }; iterator counts down a remaining-values counter
const Iter = class RangeIterator implements Iterator<number, undefined, unknown> {
  private left: number;
  private value: number;
  constructor(
    start: number,
    stop: number,
    private readonly step: number,
  ) {
    this.value = start;
    this.left = Math.max(0, Math.ceil((stop - start) / step));
  }
  next(): IteratorResult<number, undefined> {
    if (this.left <= 0) return { value: undefined, done: true };
    this.left -= 1;
    const out = this.value;
    this.value += this.step;
    return { value: out, done: false };
  }
  return(): IteratorResult<number, undefined> {
    this.left = 0;
    return { value: undefined, done: true };
  }
  [Symbol.iterator]() {
    return this;
  }
};

const R = class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  constructor(...args: [number] | [number, number, number?]) {
    const [start, stop, step = 1] = args.length === 1 ? [0, args[0]] : args;
    if (step === 0) throw new RangeError(`Range step must not be ${step}`);
    Object.assign(this, { start, stop, step });
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  [Symbol.iterator]() {
    return new Iter(this.start, this.stop, this.step);
  }
  get length(): number {
    const span = (this.stop - this.start) / this.step;
    return span > 0 ? Math.ceil(span) : 0;
  }
  includes(value: number): boolean {
    if (this.length === 0) return false;
    const last = this.start + (this.length - 1) * this.step;
    const [lo, hi] = this.step > 0 ? [this.start, last] : [last, this.start];
    return value >= lo && value <= hi && (value - this.start) % this.step === 0;
  }
};

type RangeIteratorT = InstanceType<typeof Iter>;
export { Iter as RangeIterator, R as Range };
export type { RangeIteratorT };
