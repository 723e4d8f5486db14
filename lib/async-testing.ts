/**
 * Helpers for the async exercises' tests (15 to 17): they watch promises on vitest's fake timers,
 * so a wrong solution fails after a bounded amount of fake time instead of hanging the run.
 */
import { setImmediate as realSetImmediate } from 'node:timers';
import { vi } from 'vitest';

/** What a watched promise has done so far. */
export interface Watched<T> {
  readonly state: 'pending' | 'fulfilled' | 'rejected';
  readonly value: T | undefined;
  readonly reason: unknown;
}

/**
 * Attaches handlers to `promise` at once (so a rejection is never unhandled) and reports its
 * state on each read. Watch a promise before advancing time.
 */
export function watch<T>(promise: Promise<T>): Watched<T> {
  const seen: { state: Watched<T>['state']; value: T | undefined; reason: unknown } = {
    state: 'pending',
    value: undefined,
    reason: undefined,
  };
  promise.then(
    (value) => Object.assign(seen, { state: 'fulfilled', value }),
    (reason: unknown) => Object.assign(seen, { state: 'rejected', reason }),
  );
  return seen;
}

/** Runs the microtasks queued so far and those they queue, up to `rounds` deep. */
export async function flush(rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) await null;
}

/**
 * `promise` once it has settled within `ms` of fake time; a failure naming `what` if it is still
 * pending then. Needs `vi.useFakeTimers()`; the promise should be created before the call.
 */
export async function within<T>(promise: Promise<T>, ms = 0, what = 'the promise'): Promise<T> {
  const seen = watch(promise);
  await vi.advanceTimersByTimeAsync(ms);
  await flush();
  if (seen.state === 'pending') {
    throw new Error(`${what} was still pending after ${ms} ms of fake time`);
  }
  return promise;
}

/** Waits one turn of the real event loop, where Node reports unhandled rejections. */
export const realTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/**
 * Runs `body` and collects every unhandled rejection that happens during it, instead of letting
 * vitest report it against the whole run: a test can then fail by name on any of them.
 */
export async function unhandledRejectionsDuring(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const collect = (reason: unknown) => seen.push(reason);
  const others = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', collect);
  try {
    await body();
    await realTurn();
    await realTurn();
  } finally {
    process.off('unhandledRejection', collect);
    for (const listener of others) process.on('unhandledRejection', listener);
  }
  return seen;
}

/** A function that counts its calls in flight: `calls`, `inFlight` and the highest `maxInFlight`. */
export interface Counted<A extends unknown[], R> {
  (...args: A): Promise<R>;
  readonly calls: A[];
  readonly inFlight: number;
  readonly maxInFlight: number;
}

/** Wraps an async function to count how many of its calls overlap. */
export function counted<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Counted<A, R> {
  const stats = { calls: [] as A[], inFlight: 0, maxInFlight: 0 };
  const wrapped = async (...args: A) => {
    stats.calls.push(args);
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      return await fn(...args);
    } finally {
      stats.inFlight -= 1;
    }
  };
  return Object.defineProperties(wrapped, {
    calls: { get: () => stats.calls },
    inFlight: { get: () => stats.inFlight },
    maxInFlight: { get: () => stats.maxInFlight },
  }) as Counted<A, R>;
}

/** A promise that settles after `ms` of (fake) time with `value`, or rejects with `error`. */
export function later<T>(ms: number, value: T, error?: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => (error === undefined ? resolve(value) : reject(error)), ms),
  );
}
