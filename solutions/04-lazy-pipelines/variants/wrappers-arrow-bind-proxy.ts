// each export wraps a generator function: arrow wrappers, bound functions, a Proxy, and generator
// methods of an object literal taken out by destructuring
function assertCount(n: number, name: string): void {
  if (!(n >= 0 && (Number.isInteger(n) || n === Infinity)))
    throw new RangeError(`${name}() needs a whole number >= 0, not ${n}`);
}

const stages = {
  *first<T>(source: Iterable<T>, n: number): Generator<T, void, unknown> {
    assertCount(n, 'take');
    let left = n;
    if (left === 0) return;
    for (const value of source) {
      yield value;
      if (--left === 0) return;
    }
  },
  *rest<T>(source: Iterable<T>, n: number): Generator<T, void, unknown> {
    assertCount(n, 'drop');
    let skip = n;
    for (const value of source) {
      if (skip > 0) skip -= 1;
      else yield value;
    }
  },
};

const { first, rest } = stages;

export const take = <T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> =>
  first(iterable, n);
export const drop = <T>(iterable: Iterable<T>, n: number): Generator<T, void, unknown> =>
  rest(iterable, n);

function* keepIf<T>(
  this: { from: number },
  iterable: Iterable<T>,
  predicate: (value: T, index: number) => unknown,
): Generator<T, void, unknown> {
  let index = this.from;
  for (const value of iterable) if (predicate(value, index++)) yield value;
}

function* mapWith<T, U>(
  this: { from: number },
  iterable: Iterable<T>,
  fn: (value: T, index: number) => U,
): Generator<U, void, unknown> {
  let index = this.from;
  for (const value of iterable) yield fn(value, index++);
}

export const filter: {
  <T, S extends T>(
    iterable: Iterable<T>,
    predicate: (value: T, index: number) => value is S,
  ): Generator<S, void, unknown>;
  <T>(
    iterable: Iterable<T>,
    predicate: (value: T, index: number) => unknown,
  ): Generator<T, void, unknown>;
} = keepIf.bind({ from: 0 }) as never;
export const map: <T, U>(
  iterable: Iterable<T>,
  fn: (value: T, index: number) => U,
) => Generator<U, void, unknown> = mapWith.bind({ from: 0 }) as never;

function whole(value: number, min: number, what: string): number {
  if (!(Number.isInteger(value) && value >= min))
    throw new RangeError(`islice() ${what} must be null or a whole number >= ${min}, not ${value}`);
  return value;
}

function* slice<T>(
  iterable: Iterable<T>,
  ...args: (number | null | undefined)[]
): Generator<T, void, unknown> {
  const [a, b, c] = args.length <= 1 ? [0, args[0], 1] : [args[0] ?? 0, args[1], args[2] ?? 1];
  const start = whole(a, 0, 'start');
  const end = b == null ? Infinity : whole(b, 0, 'stop');
  const step = whole(c, 1, 'step');
  if (start >= end) return;
  let position = 0;
  let next = start;
  for (const value of iterable) {
    if (position === next) {
      yield value;
      next += step;
    }
    if (++position >= end) return;
  }
}

type Islice = {
  <T>(iterable: Iterable<T>, stop: number | null): Generator<T, void, unknown>;
  <T>(
    iterable: Iterable<T>,
    start: number | null,
    stop: number | null,
    step?: number | null,
  ): Generator<T, void, unknown>;
};

export const islice = new Proxy(slice, {
  apply: (target, self, args: Parameters<typeof slice>) => target.apply(self, args),
}) as Islice;

export const firstEvens = (numbers: Iterable<number>, count = 10) =>
  islice(
    filter(numbers, (n) => n % 2 === 0),
    count,
  );
