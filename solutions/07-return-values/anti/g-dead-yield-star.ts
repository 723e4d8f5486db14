// Kind G: withSummary has a yield* withTotal(...) in dead code only; the live path sums by hand; passes the tests today
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

export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  if (typeof numbers === 'symbol') yield* withTotal(numbers);
  let sum = 0;
  for (const n of numbers) yield ((sum += n), n);
  yield `total ${sum}`;
}
