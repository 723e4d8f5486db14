// all helpers as generator methods of one object, exported by destructuring; firstEvens is a generator that yield*s the composition
const check = (ok: boolean, msg: string): void => {
  if (!ok) throw new RangeError(msg);
};
const isCount = (n: number) => n === Infinity || (Number.isInteger(n) && n >= 0);

const pipes = {
  *take<T>(src: Iterable<T>, n: number): Generator<T, void, unknown> {
    check(isCount(n), `take(): bad count ${n}`);
    let left = n;
    if (left === 0) return;
    for (const v of src) {
      yield v;
      if (--left === 0) break;
    }
  },
  *drop<T>(src: Iterable<T>, n: number): Generator<T, void, unknown> {
    check(isCount(n), `drop(): bad count ${n}`);
    let skip = n;
    for (const v of src) {
      if (skip > 0) {
        skip--;
        continue;
      }
      yield v;
    }
  },
  *filter<T>(src: Iterable<T>, keep: (v: T, i: number) => unknown): Generator<T, void, unknown> {
    let i = -1;
    for (const v of src) if (keep(v, ++i)) yield v;
  },
  *map<T, U>(src: Iterable<T>, fn: (v: T, i: number) => U): Generator<U, void, unknown> {
    let i = 0;
    for (const v of src) yield fn(v, i++);
  },
  *islice<T>(
    src: Iterable<T>,
    ...args: (number | null | undefined)[]
  ): Generator<T, void, unknown> {
    let [start, stop, step] =
      args.length < 2 ? [0, args[0], 1] : [args[0] ?? 0, args[1], args[2] ?? 1];
    check(Number.isInteger(start) && start! >= 0, `islice(): bad start ${start}`);
    check(stop == null || (Number.isInteger(stop) && stop >= 0), `islice(): bad stop ${stop}`);
    check(Number.isInteger(step) && step! >= 1, `islice(): bad step ${step}`);
    const end = stop ?? Infinity;
    if (start! >= end) return;
    let i = 0;
    let want = start!;
    for (const v of src) {
      if (i === want) {
        yield v;
        want += step!;
      }
      i++;
      if (i >= end) break;
    }
  },
  *firstEvens(numbers: Iterable<number>, count = 10): Generator<number, void, unknown> {
    yield* pipes.islice(
      pipes.filter(numbers, (n: number) => n % 2 === 0),
      count,
    );
  },
};

type Gen<T> = Generator<T, void, unknown>;
export const { take, drop, map, firstEvens } = pipes as {
  take: <T>(src: Iterable<T>, n: number) => Gen<T>;
  drop: <T>(src: Iterable<T>, n: number) => Gen<T>;
  map: <T, U>(src: Iterable<T>, fn: (v: T, i: number) => U) => Gen<U>;
  firstEvens: (numbers: Iterable<number>, count?: number) => Gen<number>;
};
export const filter = pipes.filter as {
  <T, S extends T>(src: Iterable<T>, keep: (v: T, i: number) => v is S): Gen<S>;
  <T>(src: Iterable<T>, keep: (v: T, i: number) => unknown): Gen<T>;
};
export const islice = pipes.islice as {
  <T>(src: Iterable<T>, stop: number | null): Gen<T>;
  <T>(src: Iterable<T>, start: number | null, stop: number | null, step?: number | null): Gen<T>;
};
