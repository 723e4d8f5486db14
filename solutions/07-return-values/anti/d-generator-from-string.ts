// Kind D: withSummary compiled from a string by GeneratorFunction (obtained as Object.getPrototypeOf(gen).constructor); it re-sums; passes the tests today
export interface Drained<Y, R> {
  yielded: Y[];
  returned: R;
}

export function* gen(): Generator<number, string, unknown> {
  yield 1;
  yield 2;
  return 'returned value';
}

export function drain<Y, R>(it: Iterator<Y, R>): Drained<Y, R> {
  const yielded: Y[] = [];
  for (;;) {
    const r = it.next();
    if (r.done) return { yielded, returned: r.value };
    yielded.push(r.value);
  }
}

export function* withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
  let sum = 0;
  for (const n of numbers) {
    sum += n;
    yield n;
  }
  return sum;
}

const GF = Object.getPrototypeOf(gen).constructor;
export const withSummary: (numbers: Iterable<number>) => Generator<number | string, void, unknown> =
  new GF('numbers', 'let s = 0; for (const n of numbers) { s += n; yield n; } yield "total " + s;');
