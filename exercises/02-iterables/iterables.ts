// Exercise 02: iterables and iterators. A Range you can loop over as often as you like, and the
// one-shot iterator it hands out for each loop, written by hand: no function* anywhere.
// The README explains each task; the tests in iterables.test.ts are the exact specification.

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
export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;

  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(startOrStop: number, stop?: number, step = 1) {
    // TODO: sort the arguments out as range() did in exercise 01, and reject a step of 0.
    throw new Error('Not implemented yet: write the Range constructor (README task 1).');
  }

  /** A new RangeIterator on every call, so two loops never share one. */
  [Symbol.iterator](): RangeIterator {
    // TODO: return a fresh RangeIterator over this range's values.
    throw new Error('Not implemented yet: write Range[Symbol.iterator]() (README task 2).');
  }

  /** How many values a loop would yield, computed without looping. */
  get length(): number {
    // TODO: arithmetic on start, stop and step (README task 3).
    throw new Error('Not implemented yet: write Range.length (README task 3).');
  }

  /** Whether a loop over this range would yield `value`, decided without looping. */
  includes(value: number): boolean {
    // TODO: bounds and step, no loop (README task 3).
    throw new Error('Not implemented yet: write Range.includes() (README task 3).');
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
export class RangeIterator implements Iterator<number, undefined, unknown> {
  constructor(start: number, stop: number, step: number) {
    // TODO: keep the next value to hand out and whether the iterator is finished (README task 4).
    throw new Error('Not implemented yet: write the RangeIterator constructor (README task 4).');
  }

  /** `{ value, done: false }` for each value, then `{ value: undefined, done: true }` forever. */
  next(): IteratorResult<number, undefined> {
    // TODO: README task 4.
    throw new Error('Not implemented yet: write RangeIterator.next() (README task 4).');
  }

  /** Closes the iterator early: answers `{ value: undefined, done: true }`, and so does every later `next()`. */
  return(): IteratorResult<number, undefined> {
    // TODO: README task 5.
    throw new Error('Not implemented yet: write RangeIterator.return() (README task 5).');
  }

  /** An iterator is iterable too: it returns itself. */
  [Symbol.iterator](): RangeIterator {
    // TODO: README task 4.
    throw new Error('Not implemented yet: write RangeIterator[Symbol.iterator]() (README task 4).');
  }
}
