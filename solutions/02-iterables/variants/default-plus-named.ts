// Range exported as default and named, RangeIterator tracks an index instead of the value
export class RangeIterator implements Iterator<number, undefined, unknown> {
  private i = 0;
  private readonly n: number;
  constructor(
    private readonly start: number,
    stop: number,
    private readonly step: number,
  ) {
    this.n = Math.max(0, Math.ceil((stop - start) / step));
  }
  next(): IteratorResult<number, undefined> {
    if (this.i >= this.n) return { value: undefined, done: true };
    return { value: this.start + this.step * this.i++, done: false };
  }
  return(): IteratorResult<number, undefined> {
    this.i = this.n;
    return { value: undefined, done: true };
  }
  [Symbol.iterator](): RangeIterator {
    return this;
  }
}

export default class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(a: number, b?: number, step = 1) {
    if (!step) throw new RangeError('Range step cannot be 0');
    this.start = b == null ? 0 : a;
    this.stop = b == null ? a : b;
    this.step = step;
  }
  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }
  get length(): number {
    return Math.max(0, Math.ceil((this.stop - this.start) / this.step));
  }
  includes(value: number): boolean {
    const idx = (value - this.start) / this.step;
    return idx >= 0 && idx < this.length && idx % 1 === 0;
  }
}
export { Range };
