// Anti-solution: drain() takes an undefined value for the end. A generator that yields undefined
// is cut short there, and drain() reports undefined as its return value.

/**
 * The post's `gen()`: yields 1 and 2, then returns `'returned value'`.
 *
 * @example
 * const g = gen();
 * g.next(); // { value: 1, done: false }
 * g.next(); // { value: 2, done: false }
 * g.next(); // { value: 'returned value', done: true }
 */
export function* gen(): Generator<number, string, unknown> {
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
export function* withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
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
export function drain<Y, R>(it: Iterator<Y, R>): Drained<Y, R> {
  const yielded: Y[] = [];
  let r = it.next();
  while (r.value !== undefined && !r.done) {
    yielded.push(r.value);
    r = it.next();
  }
  return { yielded, returned: r.value as R };
}

/**
 * Yields each number of `numbers`, then `` `total ${sum}` ``, where the sum is the return value
 * of `withTotal(numbers)`, caught with `yield*`.
 *
 * @example [...withSummary([1, 2, 3])]; // [1, 2, 3, 'total 6']
 */
export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  // yield* passes the numbers through and evaluates to withTotal's return value.
  const sum = yield* withTotal(numbers);
  yield `total ${sum}`;
}
