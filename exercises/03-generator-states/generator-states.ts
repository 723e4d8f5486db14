// Exercise 03: generator states. Python can ask a generator where it is
// (inspect.getgeneratorstate); JavaScript cannot, so you wrap the generator and keep count yourself.
// The README explains each task; the tests in generator-states.test.ts are the exact specification.

/**
 * Where a generator is, in the words of Python's `inspect.getgeneratorstate`:
 * `'created'` (GEN_CREATED: no `next()` yet), `'suspended'` (GEN_SUSPENDED: paused at a `yield`),
 * `'running'` (GEN_RUNNING: its body is executing right now), `'closed'` (GEN_CLOSED: finished).
 */
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

/**
 * A generator that also tells its state. It is a drop-in replacement for the generator it wraps:
 * `next(v)`, `return(v)` and `throw(e)` reach the generator and answer what it answers (or throw
 * what it throws), and it is its own iterator, so for-of, spread and destructuring accept it.
 */
export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  /** The state right now; read it from outside or from inside the generator's own body. */
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

/**
 * Wraps a fresh generator (one nobody has called `next()` on) and tracks its state.
 * `track()` itself runs none of the generator's body. Calling `next()`, `return()` or `throw()` on
 * the wrapper from inside the generator's own body throws a TypeError, as a native generator does.
 *
 * @example function* twice() { yield 1; yield 2; }
 *          const t = track(twice());
 *          t.state;   // 'created'
 *          t.next();  // { value: 1, done: false }
 *          t.state;   // 'suspended'
 *          [...t];    // [2]
 *          t.state;   // 'closed'
 */
export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  // TODO: return an object with a `state` getter and next/return/throw/[Symbol.iterator] that
  // forward to gen and update the state around each call.
  throw new Error('Not implemented yet: write track() (README tasks 1 to 5).');
}
