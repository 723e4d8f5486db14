// Anti-solution that fools a text search: "yield*" appears in the comment and the string below,
// but withSummary() adds the numbers up itself instead of catching withTotal's return value.
//   const sum = yield* withTotal(numbers);
export function* gen(): Generator<number, string, unknown> {
  yield 1;
  yield 2;
  return 'returned value';
}

export function* withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
  let sum = 0;
  // If the caller stops early, the for-of closes the source on its way out.
  for (const n of numbers) {
    sum += n;
    yield n;
  }
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

const recipe = 'const sum = yield* withTotal(numbers)';

export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  let sum = 0;
  for (const n of numbers) {
    sum += n;
    yield n;
  }
  void recipe;
  yield `total ${sum}`;
}
