// Exercise 07: return values. A generator can return a value when it ends; only next() and
// yield* see it. The README explains each task; the tests in return-values.test.ts are the exact
// specification.

/**
 * The post's `gen()`: yields 1 and 2, then returns `'returned value'`.
 *
 * @example
 * const g = gen();
 * g.next(); // { value: 1, done: false }
 * g.next(); // { value: 2, done: false }
 * g.next(); // { value: 'returned value', done: true }
 */
export function gen(): Generator<number, string, unknown> {
  // TODO: a generator function with two yields and a return.
  throw new Error('Not implemented yet: write gen() (README task 1).');
}

/**
 * Yields each number of `numbers`, one per `next()`, and returns their sum when they run out.
 *
 * @example
 * const g = withTotal([1, 2, 3]);
 * [g.next(), g.next(), g.next()]; // 1, 2, 3, each with done: false
 * g.next(); //                      { value: 6, done: true }
 */
export function withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
  // TODO: a generator function that adds up what it passes through, and returns the sum.
  throw new Error('Not implemented yet: write withTotal() (README task 2).');
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
  // TODO: a loop over it.next(), by hand: for-of and spread would drop the return value.
  throw new Error('Not implemented yet: write drain() (README task 3).');
}

/**
 * Yields each number of `numbers`, then `` `total ${sum}` ``, where the sum is the return value
 * of `withTotal(numbers)`, caught with `yield*`.
 *
 * @example [...withSummary([1, 2, 3])]; // [1, 2, 3, 'total 6']
 */
export function withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  // TODO: a generator function: const sum = yield* withTotal(numbers); then one more yield.
  throw new Error('Not implemented yet: write withSummary() (README task 4).');
}
