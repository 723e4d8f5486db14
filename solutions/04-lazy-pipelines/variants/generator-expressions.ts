// every helper a named generator function expression bound to an exported const
type Gen<T> = Generator<T, void, unknown>;
const isCount = (n: number): boolean => n === Infinity || (Number.isInteger(n) && n >= 0);

export const take = function* take<T>(src: Iterable<T>, n: number): Gen<T> {
  if (!isCount(n)) throw new RangeError(`take(): ${n} is not a whole number >= 0`);
  if (n === 0) return;
  let i = 0;
  for (const v of src) {
    yield v;
    if (++i === n) return;
  }
};

export const drop = function* drop<T>(src: Iterable<T>, n: number): Gen<T> {
  if (!isCount(n)) throw new RangeError(`drop(): ${n} is not a whole number >= 0`);
  let i = 0;
  for (const v of src) if (i++ >= n) yield v;
};

export const filter = function* filter<T>(
  src: Iterable<T>,
  keep: (v: T, i: number) => unknown,
): Gen<T> {
  let i = 0;
  for (const v of src) if (keep(v, i++)) yield v;
} as {
  <T, S extends T>(src: Iterable<T>, keep: (v: T, i: number) => v is S): Gen<S>;
  <T>(src: Iterable<T>, keep: (v: T, i: number) => unknown): Gen<T>;
};

export const map = function* map<T, U>(src: Iterable<T>, fn: (v: T, i: number) => U): Gen<U> {
  let i = 0;
  for (const v of src) yield fn(v, i++);
};

export const islice = function* islice<T>(
  src: Iterable<T>,
  ...args: (number | null | undefined)[]
): Gen<T> {
  const [start, stop, step] =
    args.length < 2 ? [0, args[0], 1] : [args[0] ?? 0, args[1], args[2] ?? 1];
  for (const [v, min, what] of [
    [start, 0, 'start'],
    [stop ?? 0, 0, 'stop'],
    [step, 1, 'step'],
  ] as const) {
    if (!(Number.isInteger(v) && v >= min))
      throw new RangeError(`islice(): ${what} must be a whole number >= ${min}, not ${v}`);
  }
  const end = stop ?? Infinity;
  if (start >= end) return;
  let pos = 0;
  for (const v of src) {
    if (pos >= start && (pos - start) % step === 0) yield v;
    if (++pos >= end) return;
  }
} as {
  <T>(src: Iterable<T>, stop: number | null): Gen<T>;
  <T>(src: Iterable<T>, start: number | null, stop: number | null, step?: number | null): Gen<T>;
};

export const firstEvens = function* firstEvens(numbers: Iterable<number>, count = 10): Gen<number> {
  yield* islice(
    filter(numbers, (n: number) => n % 2 === 0),
    count,
  );
};
