// Anti-solution: "returns" by yielding one more value. The value then shows up in every spread
// and for-of, and the real return value is undefined.
export function* gen(): Generator<number | string, string, unknown> {
  yield 1;
  yield 2;
  yield 'returned value';
  return 'returned value';
}

export function* withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
  let sum = 0;
  for (const n of numbers) {
    sum += n;
    yield n;
  }
  yield sum;
  return sum;
}

export interface Drained<Y, R> {
  yielded: Y[];
  returned: R;
}

export function drain<Y, R>(it: Iterator<Y, R>): Drained<Y, R> {
  const yielded: Y[] = [];
  for (;;) {
    const r = it.next();
    // The answer with done: true carries the return value; nothing comes after it.
    if (r.done) return { yielded, returned: r.value };
    yielded.push(r.value);
  }
}

export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  // yield* passes the numbers through and evaluates to withTotal's return value.
  const sum = yield* withTotal(numbers);
  yield `total ${sum}`;
}
