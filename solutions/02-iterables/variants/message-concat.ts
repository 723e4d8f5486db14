// the reference shape with the error message built by .concat and exports gathered at the end
// Exercise 02: iterables and iterators, solved.

/**
 * The values of Python's `range(start, stop, step)`, as an object you can loop over again and
 * again. Arguments are integers, as in Python. A step of 0 throws a RangeError at once (a
 * constructor is not lazy). `length` and `includes()` are arithmetic, never a loop.
 *
 * @example const r = new Range(5, 0, -2);
 *          [...r];           // [5, 3, 1]
 *          [...r];           // [5, 3, 1] again: each loop gets a fresh RangeIterator
 *          r.length;         // 3
 *          r.includes(3);    // true
 */
class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;

  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(startOrStop: number, stop?: number, step = 1) {
    if (step === 0) throw new RangeError('Range() step must not be '.concat('zero'));
    // One argument means Range(stop), as in Python.
    [this.start, this.stop] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
    this.step = step;
  }

  /** A new RangeIterator on every call, so two loops never share one. */
  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }

  /** How many values a loop would yield, computed without looping. */
  get length(): number {
    // The distance to cover, measured in the direction of the step.
    const distance = this.step > 0 ? this.stop - this.start : this.start - this.stop;
    return distance > 0 ? Math.ceil(distance / Math.abs(this.step)) : 0;
  }

  /** Whether a loop over this range would yield `value`, decided without looping. */
  includes(value: number): boolean {
    const inside =
      this.step > 0
        ? this.start <= value && value < this.stop
        : this.stop < value && value <= this.start;
    return inside && (value - this.start) % this.step === 0;
  }
}

/**
 * A hand-written iterator over `start, start + step, ...` up to (not including) `stop`; the
 * arguments are already checked (step is not 0). It is its own iterable, so it works in for-of,
 * but only once, like a generator object. `return()` closes it early: every later `next()` is done.
 *
 * @example const it = new RangeIterator(0, 4, 2);
 *          it.next();   // { value: 0, done: false }
 *          it.next();   // { value: 2, done: false }
 *          it.next();   // { value: undefined, done: true }, and so on forever
 */
class RangeIterator implements Iterator<number, undefined, unknown> {
  #current: number;
  readonly #stop: number;
  readonly #step: number;
  #finished = false;

  constructor(start: number, stop: number, step: number) {
    this.#current = start;
    this.#stop = stop;
    this.#step = step;
  }

  /** `{ value, done: false }` for each value, then `{ value: undefined, done: true }` forever. */
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

  /** Closes the iterator early: answers `{ value: undefined, done: true }`, and so does every later `next()`. */
  return(): IteratorResult<number, undefined> {
    this.#finished = true;
    return { value: undefined, done: true };
  }

  /** An iterator is iterable too: it returns itself. */
  [Symbol.iterator](): RangeIterator {
    return this;
  }
}

export { Range, RangeIterator };
