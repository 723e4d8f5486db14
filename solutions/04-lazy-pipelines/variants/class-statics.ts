// static generator methods on a Pipeline class, re-exported one by one with export { x as y }; a sibling-free Map of validators
type Gen<T> = Generator<T, void, unknown>;
const validators = new Map<string, (v: number) => boolean>([
  ['count', (v) => v === Infinity || (Number.isInteger(v) && v >= 0)],
  ['index', (v) => Number.isInteger(v) && v >= 0],
  ['step', (v) => Number.isInteger(v) && v >= 1],
]);
function need(kind: 'count' | 'index' | 'step', v: number, where: string): void {
  if (!validators.get(kind)!(v)) throw new RangeError(`${where}: ${v} is not a valid ${kind}`);
}

class Pipeline {
  static *take<T>(src: Iterable<T>, n: number): Gen<T> {
    need('count', n, 'take()');
    if (!n) return;
    let k = 0;
    for (const v of src) {
      k++;
      yield v;
      if (k === n) return;
    }
  }
  static *drop<T>(src: Iterable<T>, n: number): Gen<T> {
    need('count', n, 'drop()');
    let k = 0;
    for (const v of src) if (k++ >= n) yield v;
  }
  static *filter<T>(src: Iterable<T>, p: (v: T, i: number) => unknown): Gen<T> {
    let k = 0;
    for (const v of src) if (p(v, k++)) yield v;
  }
  static *map<T, U>(src: Iterable<T>, f: (v: T, i: number) => U): Gen<U> {
    let k = 0;
    for (const v of src) yield f(v, k++);
  }
  static *islice<T>(src: Iterable<T>, ...a: (number | null | undefined)[]): Gen<T> {
    const [start, stop, step] = a.length < 2 ? [0, a[0], 1] : [a[0] ?? 0, a[1], a[2] ?? 1];
    need('index', start, 'islice() start');
    if (stop != null) need('index', stop, 'islice() stop');
    need('step', step, 'islice() step');
    const end = stop ?? Infinity;
    if (start >= end) return;
    let pos = 0;
    for (const v of src) {
      if (pos >= start && (pos - start) % step === 0) yield v;
      pos++;
      if (pos === end) return;
    }
  }
}

const { take, drop, map } = Pipeline;
const filter = Pipeline.filter as {
  <T, S extends T>(src: Iterable<T>, p: (v: T, i: number) => v is S): Gen<S>;
  <T>(src: Iterable<T>, p: (v: T, i: number) => unknown): Gen<T>;
};
const islice = Pipeline.islice as {
  <T>(src: Iterable<T>, stop: number | null): Gen<T>;
  <T>(src: Iterable<T>, start: number | null, stop: number | null, step?: number | null): Gen<T>;
};
const evens = (numbers: Iterable<number>, count = 10): Gen<number> =>
  islice(
    filter(numbers, (n) => n % 2 === 0),
    count,
  );
export { take, drop, filter, map, islice, evens as firstEvens };
