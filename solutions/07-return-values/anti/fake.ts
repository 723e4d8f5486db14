// Anti-solution: gen() is a hand-written object with a next() that answers the right sequence,
// but it is no generator: no [Symbol.iterator], so spread and for-of cannot use it.
export function gen(): Generator<number, string, unknown> {
  const answers: IteratorResult<number, string>[] = [
    { value: 1, done: false },
    { value: 2, done: false },
    { value: 'returned value', done: true },
  ];
  return {
    next: () => answers.shift() ?? { value: undefined, done: true },
  } as unknown as Generator<number, string, unknown>;
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

export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  // yield* passes the numbers through and evaluates to withTotal's return value.
  const sum = yield* withTotal(numbers);
  yield `total ${sum}`;
}
