// a named function expression assigned to an exported const; the error message built with .concat
// Exercise 03: generator states, solved.

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
export const track = function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  let state: GeneratorState = 'created';

  // Every way into the generator goes through here: next, return and throw alike.
  function resume(step: () => IteratorResult<T, TReturn>): IteratorResult<T, TReturn> {
    // Re-entry: refuse before touching the state. The body is still running, and it may catch
    // this error and carry on.
    if (state === 'running') throw new TypeError('the generator is already '.concat(state));
    state = 'running';
    try {
      const result = step();
      // The answer decides, not the method: a yield inside a finally suspends again even during
      // return(), and a throw() the body catches leaves it suspended.
      state = result.done ? 'closed' : 'suspended';
      return result;
    } catch (err) {
      // An error escaping a generator always finishes it.
      state = 'closed';
      throw err;
    }
  }

  const tracked: Tracked<T, TReturn, TNext> = {
    get state() {
      return state;
    },
    next: (...args) => resume(() => gen.next(...args)),
    return: (value) => resume(() => gen.return(value)),
    throw: (err) => resume(() => gen.throw(err)),
    [Symbol.iterator]: () => tracked,
  };
  return tracked;
};
