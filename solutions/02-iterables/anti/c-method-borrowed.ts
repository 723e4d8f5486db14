// Kind C: a generator method on a helper object (not function*, a *method) feeds the iterator; reached via Reflect.apply; passes the tests today
const helpers = {
  *walk(this: void, a: number, b: number, s: number) {
    for (let v = a; s > 0 ? v < b : v > b; v += s) yield v;
  },
};

export class RangeIterator implements Iterator<number, undefined, unknown> {
  #g: Iterator<number, undefined>;
  constructor(start: number, stop: number, step: number) {
    this.#g = Reflect.apply(helpers.walk, undefined, [start, stop, step]) as Iterator<
      number,
      undefined
    >;
  }
  next(): IteratorResult<number, undefined> {
    return this.#g.next();
  }
  return(): IteratorResult<number, undefined> {
    return this.#g.return!();
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
