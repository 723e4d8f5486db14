// Kind I: the constructor returns a real generator object whose prototype is swapped to RangeIterator.prototype; next/return borrow the generator prototype's methods by .call; passes the tests today
const genProto = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})()));
const GF = function* () {}.constructor as any;
const body = new GF('a', 'b', 's', 'for (let v = a; s > 0 ? v < b : v > b; v += s) yield v;');

export class RangeIterator implements Iterator<number, undefined, unknown> {
  constructor(start: number, stop: number, step: number) {
    return Object.setPrototypeOf(body(start, stop, step), new.target.prototype);
  }
  next(): IteratorResult<number, undefined> {
    return genProto.next.call(this);
  }
  return(): IteratorResult<number, undefined> {
    return genProto.return.call(this, undefined);
  }
  [Symbol.iterator](): RangeIterator {
    return this;
  }
}

export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(a: number, b?: number, step = 1) {
    if (step === 0) throw new RangeError('step 0');
    this.start = b === undefined ? 0 : a;
    this.stop = b === undefined ? a : b;
    this.step = step;
  }
  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }
  get length(): number {
    return Math.max(0, Math.ceil((this.stop - this.start) / this.step));
  }
  includes(v: number): boolean {
    const k = (v - this.start) / this.step;
    return Number.isInteger(k) && k >= 0 && k < this.length;
  }
}
