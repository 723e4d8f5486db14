// each helper drives the source by hand with next() and closes it in a finally
function assertCount(n: number, who: string): void {
  if (!(n >= 0 && (n === Infinity || n % 1 === 0)))
    throw new RangeError(`${who}(): n must be a whole number >= 0 or Infinity, got ${n}`);
}

export function* take<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  assertCount(n, 'take');
  if (n === 0) return;
  const it = iterable[Symbol.iterator]();
  let finished = false;
  try {
    for (let i = 0; i < n; i++) {
      const r = it.next();
      if (r.done) {
        finished = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!finished) it.return?.();
  }
}

export function* drop<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  assertCount(n, 'drop');
  const it = iterable[Symbol.iterator]();
  let finished = false;
  try {
    for (let i = 0; i < n; i++) {
      if (it.next().done) {
        finished = true;
        return;
      }
    }
    for (let r = it.next(); !r.done; r = it.next()) yield r.value;
    finished = true;
  } finally {
    if (!finished) it.return?.();
  }
}

export function filter<T, S extends T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => value is S,
): Generator<S, void, unknown>;
export function filter<T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown>;
export function* filter<T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown> {
  let i = 0;
  for (const v of iterable) {
    if (predicate(v, i)) yield v;
    i++;
  }
}

export function* map<T, U>(
  iterable: Iterable<T>,
  fn: (value: T, index: number) => U,
): Generator<U, void, unknown> {
  let i = 0;
  for (const v of iterable) yield fn(v, i++);
}

function whole(v: number, min: number, what: string): number {
  if (!Number.isInteger(v) || v < min)
    throw new RangeError(`islice(): ${what} must be null or a whole number >= ${min}, got ${v}`);
  return v;
}

export function islice<T>(iterable: Iterable<T>, stop: number | null): Generator<T, void, unknown>;
export function islice<T>(
  iterable: Iterable<T>,
  start: number | null,
  stop: number | null,
  step?: number | null,
): Generator<T, void, unknown>;
export function* islice<T>(
  iterable: Iterable<T>,
  a: number | null,
  b?: number | null,
  c?: number | null,
): Generator<T, void, unknown> {
  const two = arguments.length <= 2;
  const start = two ? 0 : whole(a ?? 0, 0, 'start');
  const stopArg = two ? a : b;
  const stop = stopArg == null ? Infinity : whole(stopArg, 0, 'stop');
  const step = two ? 1 : whole(c ?? 1, 1, 'step');
  if (start >= stop) return;
  let pos = 0;
  for (const v of iterable) {
    if (pos >= start && (pos - start) % step === 0) yield v;
    if (++pos >= stop) return;
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
