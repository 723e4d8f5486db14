// iterator with an explicit state field from a small lookup table; Range keeps a frozen tuple
const enum S {
  Open,
  Closed,
}
const DONE_ANSWER = (): IteratorResult<number, undefined> => ({ value: undefined, done: true });

export class RangeIterator implements Iterator<number, undefined, unknown> {
  #state: S = S.Open;
  #v: number;
  readonly #end: number;
  readonly #by: number;
  constructor(start: number, stop: number, step: number) {
    this.#v = start;
    this.#end = stop;
    this.#by = step;
  }
  next(): IteratorResult<number, undefined> {
    switch (this.#state) {
      case S.Closed:
        return DONE_ANSWER();
      case S.Open: {
        const ok = this.#by > 0 ? this.#v < this.#end : this.#v > this.#end;
        if (!ok) {
          this.#state = S.Closed;
          return DONE_ANSWER();
        }
        const v = this.#v;
        this.#v = v + this.#by;
        return { value: v, done: false };
      }
    }
  }
  return(): IteratorResult<number, undefined> {
    this.#state = S.Closed;
    return DONE_ANSWER();
  }
  [Symbol.iterator](): this {
    return this;
  }
}

export class Range implements Iterable<number, undefined, unknown> {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  constructor(stop: number);
  constructor(start: number, stop: number, step?: number);
  constructor(...args: number[]) {
    const step = args[2] ?? 1;
    if (step === 0) throw new RangeError('Range(): step is 0, which would never end');
    const two = args.length >= 2;
    this.start = two ? args[0]! : 0;
    this.stop = two ? args[1]! : args[0]!;
    this.step = step;
  }
  [Symbol.iterator](): RangeIterator {
    return new RangeIterator(this.start, this.stop, this.step);
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0 ? start >= stop : start <= stop) return 0;
    return Math.floor((Math.abs(stop - start) - 1) / Math.abs(step)) + 1;
  }
  includes(x: number): boolean {
    const { start, step } = this;
    const n = this.length;
    if (n === 0 || !Number.isFinite(x)) return false;
    const i = (x - start) / step;
    return i >= 0 && i < n && Math.trunc(i) === i;
  }
}
