// Kind A: take is an arrow wrapper, but what it returns is an iterator written by hand, not a
// generator object.

function takeByHand<T>(iterable: Iterable<T>, n: number) {
  if (!(n >= 0 && (Number.isInteger(n) || n === Infinity)))
    throw new RangeError(`take() needs a whole number >= 0, not ${n}`);
  let source: Iterator<T> | undefined;
  let left = n;
  const it = {
    next(): IteratorResult<T, undefined> {
      if (left <= 0) return { value: undefined, done: true };
      source ??= iterable[Symbol.iterator]();
      const r = source.next();
      if (r.done) return { value: undefined, done: true };
      left -= 1;
      if (left === 0) source.return?.();
      return r;
    },
    return(): IteratorResult<T, undefined> {
      if (left > 0) source?.return?.();
      left = 0;
      return { value: undefined, done: true };
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it;
}

export const take = <T>(iterable: Iterable<T>, n: number) =>
  takeByHand(iterable, n) as unknown as Generator<T, void, unknown>;

export function* map<T, U>(
  iterable: Iterable<T>,
  fn: (value: T, index: number) => U,
): Generator<U, void, unknown> {
  let index = 0;
  for (const value of iterable) yield fn(value, index++);
}

function checkCount(n: number, name: string): void {
  if (!(n >= 0 && (Number.isInteger(n) || n === Infinity)))
    throw new RangeError(`${name}() needs a whole number >= 0, not ${n}`);
}

function checkIndex(value: number, min: number, what: string): void {
  if (!(Number.isInteger(value) && value >= min))
    throw new RangeError(`islice() ${what} must be null or a whole number >= ${min}, not ${value}`);
}

export function* drop<T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> {
  checkCount(n, 'drop');
  let skipped = 0;
  for (const value of iterable) {
    if (skipped < n) skipped += 1;
    else yield value;
  }
}

export function* filter<T>(
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown> {
  let index = 0;
  for (const value of iterable) if (predicate(value, index++)) yield value;
}

export function* islice<T>(
  iterable: Iterable<T>,
  ...args: (number | null | undefined)[]
): Generator<T, void, unknown> {
  const [start, stop, step] =
    args.length <= 1 ? [0, args[0], 1] : [args[0] ?? 0, args[1], args[2] ?? 1];
  checkIndex(start, 0, 'start');
  if (stop != null) checkIndex(stop, 0, 'stop');
  checkIndex(step, 1, 'step');
  const end = stop ?? Infinity;
  if (start >= end) return;
  let position = 0;
  let wanted = start;
  for (const value of iterable) {
    if (position === wanted) {
      yield value;
      wanted += step;
    }
    position += 1;
    if (position >= end) return;
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
