// Anti-solution: no array anywhere, so a search for arrays finds nothing, but length and
// includes() walk the range value by value: O(n), hopeless for 1e15 values.
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
    let n = 0;
    for (const _ of this) n += 1;
    return n;
  }

  includes(value: number): boolean {
    for (const v of this) if (v === value) return true;
    return false;
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
