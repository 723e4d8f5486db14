// Anti-solution (one call too many): drain() stops at done, then calls next() once more to read
// the return value. By then the generator has handed it out already and answers undefined.
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
  for (let r = it.next(); !r.done; r = it.next()) yielded.push(r.value);
  return { yielded, returned: it.next().value as R };
}

export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  // yield* passes the numbers through and evaluates to withTotal's return value.
  const sum = yield* withTotal(numbers);
  yield `total ${sum}`;
}
