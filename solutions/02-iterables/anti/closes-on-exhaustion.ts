// Anti-solution: next() calls this.return() when the values run out. for-of never does that:
// return() means "closed early", and a loop that runs to the end must not call it.
export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;

  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(startOrStop: number, stop?: number, step = 1) {
    if (step === 0) throw new RangeError('Range() step must not be zero');
    // One argument means Range(stop), as in Python.
    [this.start, this.stop] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
    this.step = step;
  }

  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }

  get length(): number {
    // The distance to cover, measured in the direction of the step.
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
      // "Tidies up" by closing itself when it runs out.
      return this.return();
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
