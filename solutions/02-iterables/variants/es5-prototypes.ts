// RangeIterator as an ES5-style constructor function with prototype methods, Range as a class
interface RangeIteratorT extends Iterator<number, undefined, unknown> {
  next(): IteratorResult<number, undefined>;
  return(): IteratorResult<number, undefined>;
  [Symbol.iterator](): RangeIteratorT;
}
interface RangeIteratorCtor {
  new (start: number, stop: number, step: number): RangeIteratorT;
  prototype: RangeIteratorT;
}

const DONE = Object.freeze({ value: undefined, done: true as const });

const RangeIteratorImpl = function (this: any, start: number, stop: number, step: number) {
  this.at = start;
  this.stop = stop;
  this.step = step;
  this.over = false;
} as unknown as RangeIteratorCtor;

RangeIteratorImpl.prototype.next = function (this: any) {
  if (this.over || !(this.step > 0 ? this.at < this.stop : this.at > this.stop)) {
    this.over = true;
    return { ...DONE };
  }
  const value = this.at;
  this.at += this.step;
  return { value, done: false };
};
RangeIteratorImpl.prototype.return = function (this: any) {
  this.over = true;
  return { ...DONE };
};
RangeIteratorImpl.prototype[Symbol.iterator] = function (this: any) {
  return this;
};

export const RangeIterator = RangeIteratorImpl;
export type RangeIterator = RangeIteratorT;

export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(a: number, b?: number, step = 1) {
    if (step === 0) throw new RangeError('Range(): step must not be zero');
    this.start = b === undefined ? 0 : a;
    this.stop = b === undefined ? a : b;
    this.step = step;
  }
  [Symbol.iterator](): RangeIteratorT {
    return new RangeIterator(this.start, this.stop, this.step);
  }
  get length(): number {
    return Math.max(0, Math.ceil((this.stop - this.start) / this.step));
  }
  includes(value: number): boolean {
    const k = (value - this.start) / this.step;
    return Number.isInteger(k) && k >= 0 && k < this.length;
  }
}
