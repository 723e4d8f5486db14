// Anti-solution: builds an array of every value in the constructor; length and includes()
// read the array. Fine for small ranges, impossible for 1e15 values.
export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly #values: number[];

  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(startOrStop: number, stop?: number, step = 1) {
    if (step === 0) throw new RangeError('Range() step must not be zero');
    // One argument means Range(stop), as in Python.
    [this.start, this.stop] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
    this.step = step;
    // Every value, computed up front: len() and `in` then become array lookups.
    const distance = step > 0 ? this.stop - this.start : this.start - this.stop;
    const count = distance > 0 ? Math.ceil(distance / Math.abs(step)) : 0;
    this.#values = Array.from({ length: count }, (_, k) => this.start + k * step);
  }

  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }

  get length(): number {
    return this.#values.length;
  }

  includes(value: number): boolean {
    return this.#values.includes(value);
  }
}

export class RangeIterator implements Iterator<number, undefined, unknown> {
  #current: number;
  readonly #stop: number;
  readonly #step: number;
  #finished = false;

  constructor(start: number, stop: number, step: number) {
    this.#current = start;
    this.#stop = stop;
    this.#step = step;
  }

  next(): IteratorResult<number, undefined> {
    if (!this.#finished) {
      const value = this.#current;
      const inside = this.#step > 0 ? value < this.#stop : value > this.#stop;
      if (inside) {
        this.#current = value + this.#step;
        return { value, done: false };
      }
      // Ran out: from now on always done. Exhaustion is not a reason to call return().
      this.#finished = true;
    }
    return { value: undefined, done: true };
  }

  return(): IteratorResult<number, undefined> {
    this.#finished = true;
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): RangeIterator {
    return this;
  }
}
