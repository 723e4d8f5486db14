// islice built from take, drop and a stride filter; labelled loop in drop; firstEvens from islice and filter
type Gen<T> = Generator<T, void, unknown>;
const bad = (what: string, v: unknown): never => {
  throw new RangeError(`${what} must be a whole number in range, not ${String(v)}`);
};

export function* take<T>(src: Iterable<T>, n: number): Gen<T> {
  if (!(n === Infinity || (Number.isInteger(n) && n >= 0))) bad('take() n', n);
  let seen = 0;
  if (seen >= n) return;
  for (const v of src) {
    yield v;
    if (++seen >= n) return;
  }
}

export function* drop<T>(src: Iterable<T>, n: number): Gen<T> {
  if (!(n === Infinity || (Number.isInteger(n) && n >= 0))) bad('drop() n', n);
  let i = 0;
  each: for (const v of src) {
    if (i < n) {
      i++;
      continue each;
    }
    yield v;
  }
}

export function filter<T, S extends T>(src: Iterable<T>, p: (v: T, i: number) => v is S): Gen<S>;
export function filter<T>(src: Iterable<T>, p: (v: T, i: number) => unknown): Gen<T>;
export function* filter<T>(src: Iterable<T>, p: (v: T, i: number) => unknown): Gen<T> {
  let i = 0;
  for (const v of src) if (p(v, i++)) yield v;
}

export function* map<T, U>(src: Iterable<T>, f: (v: T, i: number) => U): Gen<U> {
  let i = 0;
  for (const v of src) yield f(v, i++);
}

export function islice<T>(src: Iterable<T>, stop: number | null): Gen<T>;
export function islice<T>(
  src: Iterable<T>,
  start: number | null,
  stop: number | null,
  step?: number | null,
): Gen<T>;
export function* islice<T>(src: Iterable<T>, ...a: (number | null | undefined)[]): Gen<T> {
  const start = a.length < 2 ? 0 : (a[0] ?? 0);
  const stop = a.length < 2 ? a[0] : a[1];
  const step = a.length < 2 ? 1 : (a[2] ?? 1);
  if (!(Number.isInteger(start) && start >= 0)) bad('islice() start', start);
  if (stop != null && !(Number.isInteger(stop) && stop >= 0)) bad('islice() stop', stop);
  if (!(Number.isInteger(step) && step >= 1)) bad('islice() step', step);
  const end = stop ?? Infinity;
  if (start >= end) return;
  // Positions start..end-1 of the source: drop start, take end - start, keep every step-th.
  yield* filter(take(drop(src, start), end - start), (_v, i) => i % step === 0);
}

export function firstEvens(numbers: Iterable<number>, count = 10): Gen<number> {
  return islice(
    filter(numbers, (n) => n % 2 === 0),
    count,
  );
}
