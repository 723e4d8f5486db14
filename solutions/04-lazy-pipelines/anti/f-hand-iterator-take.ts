// Kind F: take and drop are function* shells around yield* of a hand-written iterator class that does the counting and closing; passes the tests today
class Taker<T> implements IterableIterator<T> {
  private it: Iterator<T> | undefined;
  private left: number;
  constructor(
    private readonly src: Iterable<T>,
    n: number,
    private readonly skip = 0,
  ) {
    this.left = n;
  }
  next(): IteratorResult<T> {
    if (!this.it) {
      this.it = this.src[Symbol.iterator]();
      for (let i = 0; i < this.skip; i++)
        if (this.it.next().done) {
          this.left = 0;
          return { value: undefined, done: true };
        }
    }
    if (this.left <= 0) return { value: undefined, done: true };
    const r = this.it.next();
    if (r.done) {
      this.left = 0;
      return r;
    }
    if (--this.left === 0) this.it.return?.();
    return r;
  }
  return(): IteratorResult<T> {
    if (this.it && this.left > 0) this.it.return?.();
    this.left = 0;
    return { value: undefined, done: true };
  }
  [Symbol.iterator]() {
    return this;
  }
}
const cnt = (n: number, w: string) => {
  if (!(n === Infinity || (Number.isInteger(n) && n >= 0)))
    throw new RangeError(`${w}(): bad n ${n}`);
};

export function* take<T>(src: Iterable<T>, n: number): Generator<T, void, unknown> {
  cnt(n, 'take');
  if (n === 0) return;
  yield* new Taker(src, n);
}

export function* drop<T>(src: Iterable<T>, n: number): Generator<T, void, unknown> {
  cnt(n, 'drop');
  yield* new Taker(src, Infinity, n);
}

export function filter<T, S extends T>(
  src: Iterable<T>,
  p: (v: T, i: number) => v is S,
): Generator<S, void, unknown>;
export function filter<T>(
  src: Iterable<T>,
  p: (v: T, i: number) => unknown,
): Generator<T, void, unknown>;
export function* filter<T>(
  src: Iterable<T>,
  p: (v: T, i: number) => unknown,
): Generator<T, void, unknown> {
  let i = 0;
  for (const v of src) if (p(v, i++)) yield v;
}

export function* map<T, U>(
  src: Iterable<T>,
  f: (v: T, i: number) => U,
): Generator<U, void, unknown> {
  let i = 0;
  for (const v of src) yield f(v, i++);
}

export function islice<T>(src: Iterable<T>, stop: number | null): Generator<T, void, unknown>;
export function islice<T>(
  src: Iterable<T>,
  start: number | null,
  stop: number | null,
  step?: number | null,
): Generator<T, void, unknown>;
export function* islice<T>(
  src: Iterable<T>,
  ...a: (number | null | undefined)[]
): Generator<T, void, unknown> {
  const [start, stop, step] = a.length <= 1 ? [0, a[0], 1] : [a[0] ?? 0, a[1], a[2] ?? 1];
  const idx = (v: number, m: number) => {
    if (!(Number.isInteger(v) && v >= m)) throw new RangeError(`islice(): bad argument ${v}`);
  };
  idx(start, 0);
  if (stop != null) idx(stop, 0);
  idx(step, 1);
  const end = stop ?? Infinity;
  if (start >= end) return;
  let pos = 0;
  let want = start;
  for (const v of src) {
    if (pos === want) {
      yield v;
      want += step;
    }
    if (++pos >= end) return;
  }
}

export function firstEvens(
  numbers: Iterable<number>,
  count = 10,
): Generator<number, void, unknown> {
  return islice(
    filter(numbers, (n) => n % 2 === 0),
    count,
  );
}
