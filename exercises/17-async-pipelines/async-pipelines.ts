// Exercise 17: async pipelines. Small stages over async iterables that pull only when asked, run
// work concurrently within a bound, and close every source they opened, however they end.
// The README explains each task; async-pipelines.test.ts holds the exact specification.

/**
 * Each value of `source`, passed through `fn` (which may be async), one pull per value.
 *
 * @example
 * map(lines, async (line) => line.length);
 */
export function map<T, U>(
  source: AsyncIterable<T>,
  fn: (value: T) => U | Promise<U>,
): AsyncGenerator<U, void, undefined> {
  // TODO: an async function* with for await (task 1).
  throw new Error('Not implemented yet: write map() (README task 1).');
}

/**
 * The values of `source` for which `keep` (which may be async) answers true.
 *
 * @example
 * filter(numbers, (n) => n % 2 === 0);
 */
export function filter<T>(
  source: AsyncIterable<T>,
  keep: (value: T) => boolean | Promise<boolean>,
): AsyncGenerator<T, void, undefined> {
  // TODO: an async function* with for await (task 1).
  throw new Error('Not implemented yet: write filter() (README task 1).');
}

/**
 * The first `n` values of `source`: exactly `n` pulls, then the source is closed.
 *
 * @example
 * take(endless, 3);
 */
export function take<T>(source: AsyncIterable<T>, n: number): AsyncGenerator<T, void, undefined> {
  // TODO: an async function* that stops before pulling value n + 1 (task 1).
  throw new Error('Not implemented yet: write take() (README task 1).');
}

/**
 * The values of `source` in arrays of `size`; a batch is yielded early when `timeoutMs` has passed
 * since its first value. Never an empty batch; never more than one batch read ahead.
 *
 * @example
 * batch(events, 100, 1_000); // up to 100 events, or what came within 1 s of the first
 */
export function batch<T>(
  source: AsyncIterable<T>,
  size: number,
  timeoutMs: number,
): AsyncGenerator<T[], void, undefined> {
  // TODO: race the pending pull against a timer started by the batch's first value (task 2).
  throw new Error('Not implemented yet: write batch() (README task 2).');
}

/**
 * The values of all `sources`, as they come. A break, an error or a return() closes every source.
 *
 * @example
 * merge(clicks, keys, ticks);
 */
export function merge<T>(...sources: AsyncIterable<T>[]): AsyncGenerator<T, void, undefined> {
  // TODO: one pull in flight per source, raced; close every open source at the end (task 3).
  throw new Error('Not implemented yet: write merge() (README task 3).');
}

export interface ConcurrencyOptions {
  /** The most calls of `fn` in flight at once. */
  concurrency: number;
  /** Yield in source order (the default), or as results come. */
  ordered?: boolean;
}

/**
 * `fn` applied to each value of `source`, with at most `concurrency` calls in flight and at most
 * `concurrency` results waiting to be yielded.
 *
 * @example
 * mapConcurrent(urls, fetchPage, { concurrency: 8, ordered: false });
 */
export function mapConcurrent<T, U>(
  source: AsyncIterable<T>,
  fn: (value: T) => U | Promise<U>,
  options: ConcurrencyOptions,
): AsyncGenerator<U, void, undefined> {
  // TODO: start calls while there is room, yield what is ready, wait for any call (task 4).
  throw new Error('Not implemented yet: write mapConcurrent() (README task 4).');
}

/**
 * The values of `source` until `signal` aborts: then a pending next() rejects with the signal's
 * reason at once, even if the source never answers.
 *
 * @example
 * abortable(socketReads, AbortSignal.timeout(5_000));
 */
export function abortable<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  // TODO: race each pull against the abort; remove the listener at the end (task 5).
  throw new Error('Not implemented yet: write abortable() (README task 5).');
}
