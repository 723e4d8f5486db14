// Anti-solution: RangeIterator looks hand-written (a class with next() and return()), but next()
// only forwards to a generator made by a hidden function*. The tests cannot see the difference;
// the not-generator rule can.
export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;

  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(startOrStop: number, stop?: number, step = 1) {
    if (step === 0) throw new RangeError('Range() step must not be zero');
    [this.start, this.stop] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
    this.step = step;
  }

  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }

  get length(): number {
    const distance = this.step > 0 ? this.stop - this.start : this.start - this.stop;
    return distance > 0 ? Math.ceil(distance / Math.abs(this.step)) : 0;
  }

  includes(value: number): boolean {
    const inside =
      this.step > 0
        ? this.start <= value && value < this.stop
        : this.stop < value && value <= this.start;
    return inside && (value - this.start) % this.step === 0;
  }
}

function* values(start: number, stop: number, step: number): Generator<number, undefined> {
  for (let v = start; step > 0 ? v < stop : v > stop; v += step) yield v;
  return undefined;
}

export class RangeIterator implements Iterator<number, undefined, unknown> {
  readonly #inner: Generator<number, undefined>;

  constructor(start: number, stop: number, step: number) {
    this.#inner = values(start, stop, step);
  }

  next(): IteratorResult<number, undefined> {
    return this.#inner.next();
  }

  return(): IteratorResult<number, undefined> {
    return this.#inner.return(undefined);
  }

  [Symbol.iterator](): RangeIterator {
    return this;
  }
}
