// private function* declarations, exported by destructuring an object of them
// Exercise 07: return values, solved.

/**
 * The post's `gen()`: yields 1 and 2, then returns `'returned value'`.
 *
 * @example
 * const g = gen();
 * g.next(); // { value: 1, done: false }
 * g.next(); // { value: 2, done: false }
 * g.next(); // { value: 'returned value', done: true }
 */
function* genImpl(): Generator<number, string, unknown> {
  yield 1;
  yield 2;
  return 'returned value';
}

/**
 * Yields each number of `numbers`, one per `next()`, and returns their sum when they run out.
 *
 * @example
 * const g = withTotal([1, 2, 3]);
 * [g.next(), g.next(), g.next()]; // 1, 2, 3, each with done: false
 * g.next(); //                      { value: 6, done: true }
 */
function* withTotalImpl(numbers: Iterable<number>): Generator<number, number, unknown> {
  let sum = 0;
  // If the caller stops early, the for-of closes the source on its way out.
  for (const n of numbers) {
    sum += n;
    yield n;
  }
  return sum;
}

/** What `drain` found: every yielded value, and the return value. */
export interface Drained<Y, R> {
  yielded: Y[];
  returned: R;
}

/**
 * Calls `it.next()` until `done: true`, and keeps what it saw: the yielded values and the value
 * of the last answer, the return value.
 *
 * @example drain(gen()); // { yielded: [1, 2], returned: 'returned value' }
 */
function drainImpl<Y, R>(it: Iterator<Y, R>): Drained<Y, R> {
  const yielded: Y[] = [];
  for (;;) {
    const r = it.next();
    // The answer with done: true carries the return value; nothing comes after it.
    if (r.done) return { yielded, returned: r.value };
    yielded.push(r.value);
  }
}

/**
 * Yields each number of `numbers`, then `` `total ${sum}` ``, where the sum is the return value
 * of `withTotal(numbers)`, caught with `yield*`.
 *
 * @example [...withSummary([1, 2, 3])]; // [1, 2, 3, 'total 6']
 */
function* withSummaryImpl(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  // yield* passes the numbers through and evaluates to withTotal's return value.
  const sum = yield* withTotalImpl(numbers);
  yield `total ${sum}`;
}

export const { gen, withTotal, withSummary, drain } = {
  gen: genImpl,
  withTotal: withTotalImpl,
  withSummary: withSummaryImpl,
  drain: drainImpl,
};
