// Anti-solution: withTotal() copies the whole source into an array to add it up before yielding
// the first number. Right answers for a small array, but it reads everything up front.
export function* gen(): Generator<number, string, unknown> {
  yield 1;
  yield 2;
  return 'returned value';
}

export function* withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
  const all = Array.from(numbers);
  const sum = all.reduce((a, b) => a + b, 0);
  yield* all;
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
