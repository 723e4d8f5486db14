// every export listed at the end with export { }, messages built with .concat
// Exercise 10: delegation by hand, solved. delegate() is the spec's yield* loop turned inside out:
// a hand-written generator object whose next/throw/return each run one round of the loop.

/** Where internal() writes its lines: console.log by default, an array's push in the tests. */
export type Log = (line: string) => void;

/**
 * The post's `internal(name, limit)`: yields `0, 1, ..., limit - 1`, logs `"<name> got: <value>"`
 * for each value sent back, and returns `"<name> finished"`.
 *
 * @example
 * const a = internal('A', 2);
 * a.next();      // { value: 0, done: false }
 * a.next('hi');  // logs "A got: hi", then { value: 1, done: false }
 */
function* internal(
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    log(`${name} got: ${got}`);
  }
  return `${name} finished`;
}

/**
 * The post's `gen()` without `yield*`: delegate to A, carry on with B, end with B's result.
 *
 * @example
 * const g = gen();
 * g.next();   // { value: 0, done: false }, from A
 * g.next(1);  // logs "A got: 1", then { value: 1, done: false }
 */
function gen(log: Log = console.log): Generator<number, string, unknown> {
  return delegate(internal('A', 3, log), () => internal('B', 2, log));
}

type Mode = 'next' | 'throw' | 'return';

const isObject = (x: unknown): x is object =>
  (typeof x === 'object' && x !== null) || typeof x === 'function';

/** The spec's check on every answer of the inner iterator. */
function checked<Y>(result: unknown, method: string): IteratorResult<Y, unknown> {
  if (!isObject(result)) {
    throw new TypeError(
      "the inner iterator's ".concat(method, '() answered ', String(result), ', not an object'),
    );
  }
  return result as IteratorResult<Y, unknown>;
}

/**
 * Behaves like `yield* inner` in a generator of its own, without using `yield*`: yields what
 * `inner` yields, forwards `next(v)`, `throw(e)` and `return(v)` to it, and returns its return
 * value. Given `then`, it goes on to delegate to `then(result)` and returns what that returns.
 *
 * @example
 * [...delegate(['a', 'b'])];                          // ['a', 'b']
 * delegate(internal('A', 1), () => internal('B', 1)); // A, then B, then 'B finished'
 */
function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
function delegate<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
): Generator<Y, unknown, N> {
  // The outer generator's own state, as the spec names it.
  let state: 'suspended-start' | 'suspended-yield' | 'executing' | 'completed' = 'suspended-start';
  let iterator!: Iterator<Y, unknown, N>;
  let after = then;

  const finish = (value: unknown): IteratorResult<Y, unknown> => {
    state = 'completed';
    return { value, done: true };
  };

  // The inner answered: a value to pass on as it is, or its end, which is the value of yield*.
  const settle = (result: IteratorResult<Y, unknown>): IteratorResult<Y, unknown> => {
    if (!result.done) {
      state = 'suspended-yield';
      return result;
    }
    if (!after) return finish(result.value);
    const next = after;
    after = undefined;
    iterator = next(result.value)[Symbol.iterator]();
    return settle(checked<Y>(iterator.next(undefined as N), 'next'));
  };

  const round = (mode: Mode, arg: unknown): IteratorResult<Y, unknown> => {
    if (mode === 'next') return settle(checked<Y>(iterator.next(arg as N), 'next'));
    if (mode === 'throw') {
      const throwMethod = iterator.throw;
      if (throwMethod == null) {
        // No way to hand the error in: close the inner, then report the broken protocol.
        const returnMethod = iterator.return;
        if (returnMethod != null) checked<Y>(returnMethod.call(iterator), 'return');
        throw new TypeError('the inner iterator has no throw() method');
      }
      return settle(checked<Y>(throwMethod.call(iterator, arg), 'throw'));
    }
    const returnMethod = iterator.return;
    if (returnMethod == null) return finish(arg);
    const result = checked<Y>(returnMethod.call(iterator, arg), 'return');
    // A finished return() ends the outer too: no `then` after it.
    if (result.done) return finish(result.value);
    state = 'suspended-yield';
    return result;
  };

  const resume = (mode: Mode, arg: unknown): IteratorResult<Y, unknown> => {
    if (state === 'executing') throw new TypeError('Generator is already running');
    if (state === 'completed') {
      if (mode === 'throw') throw arg;
      return { value: mode === 'return' ? arg : undefined, done: true };
    }
    if (state === 'suspended-start' && mode !== 'next') {
      state = 'completed';
      if (mode === 'throw') throw arg;
      return { value: arg, done: true };
    }
    const starting = state === 'suspended-start';
    state = 'executing';
    try {
      if (starting) {
        // The first next(v) drops v, as every generator does; the inner starts with undefined.
        iterator = inner[Symbol.iterator]();
        return settle(checked<Y>(iterator.next(undefined as N), 'next'));
      }
      return round(mode, arg);
    } catch (error) {
      state = 'completed';
      throw error;
    }
  };

  const outer: Generator<Y, unknown, N> = {
    next: (...args: [] | [N]) => resume('next', args[0]),
    throw: (error: unknown) => resume('throw', error),
    return: (value: unknown) => resume('return', value),
    [Symbol.iterator]: () => outer,
  };
  return outer;
}

export { internal, gen, delegate };
