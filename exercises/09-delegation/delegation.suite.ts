// The behaviour tests of exercises 09 (delegation with yield*) and 10 (the same by hand). Both
// test files import this module and pass in the learner's own module, so one suite pins both.
//
// Import it with a path that does not start with './' (`../09-delegation/delegation.suite.ts`):
// the KATA_DIR plugin redirects './' imports of a test file to the learner's folder, and this file
// lives only here. It never imports learner code itself: it receives it as `kata`.
import { fc, it as itProp } from '../../lib/property.ts';
import { expect, it } from 'vitest';
import { expectHandWrittenIterator, expectRealGenerator } from '../../lib/testing.ts';

/** Where internal() writes its lines. */
export type Log = (line: string) => void;

/** What exercises 09 and 10 both export. */
export interface DelegationKata {
  internal(name: string, limit: number, log?: Log): Generator<number, string, unknown>;
  gen(log?: Log): Generator<number, string, unknown>;
  delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
  delegate<Y, R, N, S>(
    inner: Iterable<Y, R, N>,
    then: (result: R) => Iterable<Y, S, N>,
  ): Generator<Y, S, N>;
}

/** A log that keeps its lines for the assertions. */
export function logger(): { lines: string[]; log: Log } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

/** 0, 1, ..., n - 1, then `returns`: the tests' own generator, no learner code in it. */
export function* upTo(n: number, returns?: unknown): Generator<number, unknown, unknown> {
  for (let i = 0; i < n; i++) yield i;
  return returns;
}

export type Call = ['next' | 'throw' | 'return', unknown];

/** An iterable whose one iterator forwards to `source` and records every call made on it. */
export interface Recorded<Y, R, N> extends Iterable<Y, R, N> {
  /** `['next', v]`, `['throw', e]`, `['return', v]` in order (`undefined` when called without one). */
  readonly calls: Call[];
  /** How often `[Symbol.iterator]()` was called. */
  readonly opened: number;
}

/**
 * Wraps `source` in a hand-written iterator that records its calls. `without` drops methods, for
 * an inner iterator that has no `throw()` or no `return()`.
 */
export function recorded<Y, R, N>(
  source: Iterator<Y, R, N>,
  without: ('throw' | 'return')[] = [],
): Recorded<Y, R, N> {
  const calls: Call[] = [];
  let opened = 0;
  const iterator: Iterator<Y, R, N> = {
    next(...args) {
      calls.push(['next', args[0]]);
      return source.next(...args);
    },
  };
  if (!without.includes('throw')) {
    iterator.throw = (...args: [unknown?]) => {
      calls.push(['throw', args[0]]);
      return source.throw!(...args);
    };
  }
  if (!without.includes('return')) {
    iterator.return = (...args: [R?]) => {
      calls.push(['return', args[0]]);
      return source.return!(...args);
    };
  }
  return {
    calls,
    get opened() {
      return opened;
    },
    [Symbol.iterator]() {
      opened += 1;
      return iterator;
    },
  };
}

/** Calls `f` and hands back what it threw (failing the test when it throws nothing). */
function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

/**
 * An outer generator that delegates, through the learner's `delegate`, to an inner one; both log
 * from `finally`. Handed back paused at the inner's first yield.
 */
function finallyPair(kata: DelegationKata) {
  const { lines, log } = logger();
  function* inner() {
    try {
      yield 1;
    } finally {
      log('inner finally');
    }
  }
  function* outer() {
    try {
      yield* kata.delegate(inner());
    } finally {
      log('outer finally');
    }
  }
  const o = outer();
  o.next();
  return { lines, o };
}

/** A random inner generator: how many values it yields, how it handles throw(), its finally. */
interface InnerShape {
  yields: number;
  onThrow: 'rethrow' | 'swallow' | 'yield' | 'return';
  /** The loop turn whose finally yields or returns (-1: none does). */
  finallyAt: number;
  finallyDoes: 'yield' | 'return';
  result: string;
  /** A method its iterator lacks (the generator is then wrapped in a hand-written iterator). */
  without: 'throw' | 'return' | 'neither';
}

const innerShape: fc.Arbitrary<InnerShape> = fc.record({
  yields: fc.integer({ min: 0, max: 4 }),
  onThrow: fc.constantFrom('rethrow', 'swallow', 'yield', 'return'),
  finallyAt: fc.integer({ min: -1, max: 3 }),
  finallyDoes: fc.constantFrom('yield', 'return'),
  result: fc.constantFrom('r1', 'r2'),
  without: fc.constantFrom('neither', 'neither', 'throw', 'return'),
});

/** A script of calls on the outer generator: throw's number names the error thrown. */
const script = fc.array(
  fc.tuple(fc.constantFrom('next', 'throw', 'return'), fc.integer({ min: 0, max: 9 })),
  { minLength: 1, maxLength: 10 },
);

/** The inner iterable `shape` describes, writing what it does into `trace`. */
function innerOf(shape: InnerShape, trace: string[], said: (e: unknown) => string) {
  function* body(): Generator<number, string, unknown> {
    for (let i = 0; i < shape.yields; i++) {
      try {
        trace.push(`inner got ${String(yield i)}`);
      } catch (e) {
        trace.push(`inner caught ${said(e)}`);
        if (shape.onThrow === 'rethrow') throw e;
        if (shape.onThrow === 'return') return `returned in catch ${i}`;
        if (shape.onThrow === 'yield') trace.push(`inner resumed with ${String(yield 100 + i)}`);
      } finally {
        trace.push(`inner finally ${i}`);
        if (i === shape.finallyAt && shape.finallyDoes === 'yield') {
          trace.push(`inner finally resumed with ${String(yield 200 + i)}`);
        }
        // A finally that returns overrides what was under way: yield* must pass that on.
        if (i === shape.finallyAt && shape.finallyDoes === 'return')
          return `returned in finally ${i}`;
      }
    }
    return shape.result;
  }
  const g = body();
  if (shape.without === 'neither') return g;
  const it: Iterator<number, string, unknown> = { next: (v?: unknown) => g.next(v) };
  if (shape.without !== 'throw') it.throw = (e?: unknown) => g.throw(e);
  if (shape.without !== 'return') it.return = (v?: string) => g.return(v!);
  return { [Symbol.iterator]: () => it };
}

/**
 * What happens when `script` is played on the outer generator `delegateTo(inner)`: each call's
 * answer or error, and the inner's own steps, in order. Errors the script throws in are named by
 * their message; other errors by their class only, since engines word them differently.
 */
function playScript(
  delegateTo: (inner: Iterable<number, string, unknown>) => Iterator<unknown, unknown, unknown>,
  shape: InnerShape,
  calls: [string, number][],
): string[] {
  const trace: string[] = [];
  const thrown = new Set<unknown>();
  const said = (e: unknown) =>
    thrown.has(e) ? (e as Error).message : e instanceof Error ? e.name : `a ${typeof e}`;
  const outer = delegateTo(innerOf(shape, trace, said));
  for (const [call, n] of calls) {
    try {
      let r: IteratorResult<unknown, unknown>;
      if (call === 'next') r = outer.next(n);
      else if (call === 'return') r = outer.return!(n);
      else {
        const error = new Error(`e${n}`);
        thrown.add(error);
        r = outer.throw!(error);
      }
      trace.push(`${call}(${n}) answered ${String(r.value)}, done: ${String(r.done)}`);
    } catch (e) {
      trace.push(`${call}(${n}) threw ${said(e)}`);
    }
  }
  return trace;
}

/**
 * The tests of README tasks 1 to 6, one function per task, for the test files to hand to
 * `describe` under their own task headings. `style` says how delegate() and gen() are built:
 * with `yield*` in real generator functions (09), or as objects written by hand (10).
 */
export function delegationSuite(kata: DelegationKata, style: 'yield*' | 'by hand') {
  return {
    delegateToAnInnerIterable() {
      if (style === 'yield*') {
        it('each call returns a new, real generator object', () => {
          expectRealGenerator(kata.delegate, 'delegate', () => kata.delegate([1, 2, 3]));
        });
      } else {
        it('is written by hand: its result is no native generator', () => {
          expectHandWrittenIterator(kata.delegate([1, 2, 3]), 'delegate([1, 2, 3])');
        });
      }

      it('yields every value of the inner, then ends with its return value', () => {
        const d = kata.delegate(upTo(2, 'end'));
        expect(d.next()).toEqual({ value: 0, done: false });
        expect(d.next()).toEqual({ value: 1, done: false });
        expect(d.next()).toEqual({ value: 'end', done: true });
      });

      it('works on any iterable: an array, a string, a Set', () => {
        expect([...kata.delegate([1, 2, 3])]).toEqual([1, 2, 3]);
        expect([...kata.delegate('hi')]).toEqual(['h', 'i']);
        expect([...kata.delegate(new Set(['x', 'y']))]).toEqual(['x', 'y']);
        const d = kata.delegate([7]);
        expect(d.next()).toEqual({ value: 7, done: false });
        expect(d.next()).toEqual({ value: undefined, done: true });
      });

      it('does nothing before the first next(): the inner is not even opened', () => {
        const inner = recorded(upTo(3));
        const d = kata.delegate(inner);
        expect(inner.opened).toBe(0);
        expect(inner.calls).toEqual([]);
        expect(d.next()).toEqual({ value: 0, done: false });
        expect(inner.opened).toBe(1);
      });

      it('pulls one inner value per next(), never ahead', () => {
        const inner = recorded(upTo(10));
        const d = kata.delegate(inner);
        d.next();
        d.next();
        d.next();
        expect(inner.calls.length).toBe(3);
      });

      it('answers done forever once the inner is finished, without asking it again', () => {
        const inner = recorded(upTo(1, 'end'));
        const d = kata.delegate(inner);
        d.next();
        expect(d.next()).toEqual({ value: 'end', done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.calls.length).toBe(2);
      });

      it('returns a generator-like object that is its own iterator', () => {
        const d = kata.delegate([1]);
        expect(d[Symbol.iterator]()).toBe(d);
        expect(typeof d.next).toBe('function');
        expect(typeof d.throw).toBe('function');
        expect(typeof d.return).toBe('function');
      });
    },

    forwardSentValues() {
      it('hands next(v) to the inner, as the value of its yield', () => {
        function* echo(): Generator<string, string, string> {
          const a = yield 'ready';
          const b = yield `got ${a}`;
          return `got ${b}`;
        }
        const d = kata.delegate(echo());
        expect(d.next()).toEqual({ value: 'ready', done: false });
        expect(d.next('x')).toEqual({ value: 'got x', done: false });
        expect(d.next('y')).toEqual({ value: 'got y', done: true });
      });

      it('drops the value of the first next(): the inner starts with next(undefined)', () => {
        const inner = recorded(upTo(3));
        const d = kata.delegate(inner);
        d.next('lost');
        d.next('a');
        d.next('b');
        expect(inner.calls).toEqual([
          ['next', undefined],
          ['next', 'a'],
          ['next', 'b'],
        ]);
      });

      it('sends every value on, through two levels of delegation', () => {
        const inner = recorded(upTo(3));
        const d = kata.delegate(kata.delegate(inner));
        expect(d.next()).toEqual({ value: 0, done: false });
        expect(d.next('a')).toEqual({ value: 1, done: false });
        expect(d.next('b')).toEqual({ value: 2, done: false });
        expect(inner.calls.slice(1)).toEqual([
          ['next', 'a'],
          ['next', 'b'],
        ]);
      });
    },

    forwardThrow() {
      it('lets the inner catch a thrown error and carry on', () => {
        const { lines, log } = logger();
        function* sturdy(): Generator<number, never> {
          for (let i = 0; ; i++) {
            try {
              yield i;
            } catch (error) {
              log(`caught ${(error as Error).message}`);
            }
          }
        }
        const d = kata.delegate(sturdy());
        expect(d.next()).toEqual({ value: 0, done: false });
        expect(d.throw(new Error('boom'))).toEqual({ value: 1, done: false });
        expect(lines).toEqual(['caught boom']);
        expect(d.next()).toEqual({ value: 2, done: false });
      });

      it('passes the very error object to the inner throw()', () => {
        const inner = recorded(upTo(3));
        const d = kata.delegate(inner);
        d.next();
        const error = new Error('this one');
        expect(thrownBy(() => d.throw(error))).toBe(error);
        expect(inner.calls).toEqual([
          ['next', undefined],
          ['throw', error],
        ]);
      });

      it('rethrows an error the inner does not catch, and is done after it', () => {
        const { lines, log } = logger();
        function* fragile() {
          try {
            yield 1;
            yield 2;
          } finally {
            log('inner finally');
          }
        }
        const d = kata.delegate(fragile());
        d.next();
        const error = new Error('fatal');
        expect(thrownBy(() => d.throw(error))).toBe(error);
        expect(lines).toEqual(['inner finally']);
        expect(d.next()).toEqual({ value: undefined, done: true });
      });

      it('ends with the return value of an inner that catches the error and returns', () => {
        function* recovers(): Generator<number, string> {
          try {
            yield 1;
            return 'not this';
          } catch {
            return 'recovered';
          }
        }
        const d = kata.delegate(recovers());
        d.next();
        expect(d.throw(new Error('x'))).toEqual({ value: 'recovered', done: true });
      });

      it('is done after that return, and never asks the inner again', () => {
        function* recovers(): Generator<number, string> {
          try {
            yield 1;
          } catch {
            return 'recovered';
          }
          return 'not this';
        }
        const inner = recorded(recovers());
        const d = kata.delegate(inner);
        d.next();
        const error = new Error('x');
        expect(d.throw(error)).toEqual({ value: 'recovered', done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.calls).toEqual([
          ['next', undefined],
          ['throw', error],
        ]);
      });

      it('closes an inner without throw(), then throws a TypeError', () => {
        const inner = recorded(upTo(10), ['throw']);
        const d = kata.delegate(inner);
        d.next();
        expect(thrownBy(() => d.throw(new Error('unwanted')))).toBeInstanceOf(TypeError);
        expect(inner.calls).toEqual([
          ['next', undefined],
          ['return', undefined],
        ]);
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.calls.length).toBe(2);
      });

      it('lets the outer generator catch that TypeError', () => {
        const { lines, log } = logger();
        const inner = recorded(upTo(10), ['throw']);
        const d = kata.delegate(inner);
        function* outer() {
          try {
            yield* d;
          } catch (error) {
            log(`outer caught a ${(error as Error).constructor.name}`);
          }
          return 'outer done';
        }
        const o = outer();
        o.next();
        expect(o.throw(new Error('unwanted'))).toEqual({ value: 'outer done', done: true });
        expect(lines).toEqual(['outer caught a TypeError']);
      });

      it("runs the inner's finally before the outer's", () => {
        const { lines, o } = finallyPair(kata);
        expect(() => o.throw(new Error('stop'))).toThrow('stop');
        expect(lines).toEqual(['inner finally', 'outer finally']);
      });

      it('throws at once, without touching the inner, when thrown before the first next()', () => {
        const inner = recorded(upTo(3));
        const d = kata.delegate(inner);
        const error = new Error('early');
        expect(thrownBy(() => d.throw(error))).toBe(error);
        expect(inner.opened).toBe(0);
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.opened).toBe(0);
      });
    },

    forwardReturn() {
      itProp.prop([innerShape, script], { seed: 9, numRuns: 200 })(
        'behaves like yield* on random inners and random next, throw and return calls',
        (shape, calls) => {
          function* native(inner: Iterable<number, string, unknown>) {
            return yield* inner;
          }
          const mine = playScript((inner) => kata.delegate(inner), shape, calls);
          expect(mine).toEqual(playScript(native, shape, calls));
        },
      );

      it('passes return(v) to the inner and ends with its answer', () => {
        const inner = recorded(upTo(10));
        const d = kata.delegate(inner);
        d.next();
        expect(d.return(7)).toEqual({ value: 7, done: true });
        expect(inner.calls).toEqual([
          ['next', undefined],
          ['return', 7],
        ]);
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.calls.length).toBe(2);
      });

      it("runs the inner's finally before the outer's", () => {
        const { lines, o } = finallyPair(kata);
        expect(o.return(undefined)).toEqual({ value: undefined, done: true });
        expect(lines).toEqual(['inner finally', 'outer finally']);
      });

      it('ends with the value of an inner finally that returns', () => {
        function* overrides(): Generator<number, string> {
          try {
            yield 1;
          } finally {
            // eslint-disable-next-line no-unsafe-finally
            return 'from finally';
          }
        }
        const d = kata.delegate(overrides());
        d.next();
        expect(d.return('asked for')).toEqual({ value: 'from finally', done: true });
      });

      it("keeps delegating while the inner's finally yields", () => {
        function* tidy(): Generator<string, string> {
          try {
            yield 'working';
          } finally {
            yield 'tidying up';
          }
          return 'never';
        }
        const d = kata.delegate(tidy());
        d.next();
        expect(d.return('stop')).toEqual({ value: 'tidying up', done: false });
        expect(d.next()).toEqual({ value: 'stop', done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
      });

      it('returns directly when the inner has no return()', () => {
        const inner = recorded(upTo(10), ['return']);
        const d = kata.delegate(inner);
        d.next();
        expect(d.return(5)).toEqual({ value: 5, done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.calls).toEqual([['next', undefined]]);
      });

      it('returns at once, without touching the inner, when called before the first next()', () => {
        const inner = recorded(upTo(3));
        const d = kata.delegate(inner);
        expect(d.return(9)).toEqual({ value: 9, done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(inner.opened).toBe(0);
      });
    },

    carryOnWithTheResult() {
      it('goes on to then(result) and ends with what that returns', () => {
        const d = kata.delegate(upTo(2, 'first done'), (result) => upTo(1, `${result}, then more`));
        expect([d.next(), d.next(), d.next(), d.next()]).toEqual([
          { value: 0, done: false },
          { value: 1, done: false },
          { value: 0, done: false },
          { value: 'first done, then more', done: true },
        ]);
      });

      it('calls then only once the inner has finished, with its return value', () => {
        const results: unknown[] = [];
        const d = kata.delegate(upTo(2, 'A finished'), (result) => {
          results.push(result);
          return upTo(1, 'B finished');
        });
        d.next();
        d.next();
        expect(results).toEqual([]);
        expect(d.next()).toEqual({ value: 0, done: false });
        expect(results).toEqual(['A finished']);
      });

      it('starts the second inner with next(undefined): the sent value went to the first', () => {
        function* first(): Generator<number, unknown, unknown> {
          return yield 1;
        }
        const second = recorded(upTo(2));
        const d = kata.delegate(first(), () => second);
        d.next();
        expect(d.next('ends the first')).toEqual({ value: 0, done: false });
        expect(d.next('reaches the second')).toEqual({ value: 1, done: false });
        expect(second.calls).toEqual([
          ['next', undefined],
          ['next', 'reaches the second'],
        ]);
      });

      it('forwards throw and return to the second inner as well', () => {
        const second = recorded(upTo(5));
        const d = kata.delegate(upTo(1), () => second);
        d.next();
        d.next();
        expect(() => d.throw(new Error('to the second'))).toThrow('to the second');
        expect(second.calls.map(([method]) => method)).toEqual(['next', 'throw']);

        const third = recorded(upTo(5));
        const e = kata.delegate(upTo(1), () => third);
        e.next();
        e.next();
        expect(e.return(3)).toEqual({ value: 3, done: true });
        expect(third.calls).toEqual([
          ['next', undefined],
          ['return', 3],
        ]);
      });

      it('skips then when return() ends the inner', () => {
        let called = 0;
        const d = kata.delegate(upTo(5), () => {
          called += 1;
          return upTo(5);
        });
        d.next();
        expect(d.return(42)).toEqual({ value: 42, done: true });
        expect(d.next()).toEqual({ value: undefined, done: true });
        expect(called).toBe(0);
      });

      it('goes on to then when the inner catches a throw and returns', () => {
        function* recovers(): Generator<number, string> {
          try {
            yield 1;
          } catch {
            return 'recovered';
          }
          return 'not this';
        }
        const d = kata.delegate(recovers(), (result) => upTo(1, `after ${result}`));
        d.next();
        expect(d.throw(new Error('x'))).toEqual({ value: 0, done: false });
        expect(d.next()).toEqual({ value: 'after recovered', done: true });
      });
    },

    thePostsInternalAndGen() {
      if (style === 'yield*') {
        it('internal and gen return a new, real generator object on each call', () => {
          expectRealGenerator(kata.internal, 'internal', () => kata.internal('A', 2, () => {}));
          expectRealGenerator(kata.gen, 'gen', () => kata.gen(() => {}));
        });
      } else {
        it('internal returns real generator objects; gen hands out an object written by hand', () => {
          expectRealGenerator(kata.internal, 'internal', () => kata.internal('A', 2, () => {}));
          expectHandWrittenIterator(
            kata.gen(() => {}),
            'gen()',
          );
        });
      }

      it('internal yields 0 to limit - 1, logs each value sent, returns "<name> finished"', () => {
        const { lines, log } = logger();
        const a = kata.internal('A', 3, log);
        expect(a.next()).toEqual({ value: 0, done: false });
        expect(a.next('x')).toEqual({ value: 1, done: false });
        expect(a.next('y')).toEqual({ value: 2, done: false });
        expect(a.next('z')).toEqual({ value: 'A finished', done: true });
        expect(lines).toEqual(['A got: x', 'A got: y', 'A got: z']);
      });

      it("gen replays the post's session: send(1) until it ends with 'B finished'", () => {
        const { lines, log } = logger();
        const g = kata.gen(log);
        expect(g.next()).toEqual({ value: 0, done: false });
        expect(g.next(1)).toEqual({ value: 1, done: false });
        expect(lines).toEqual(['A got: 1']);
        expect(g.next(1)).toEqual({ value: 2, done: false });
        expect(g.next(1)).toEqual({ value: 0, done: false });
        expect(g.next(1)).toEqual({ value: 1, done: false });
        expect(g.next(1)).toEqual({ value: 'B finished', done: true });
        expect(lines).toEqual(['A got: 1', 'A got: 1', 'A got: 1', 'B got: 1', 'B got: 1']);
        expect(g.next(1)).toEqual({ value: undefined, done: true });
      });

      it('routes each sent value to the inner generator that is running', () => {
        const { lines, log } = logger();
        const g = kata.gen(log);
        g.next();
        for (const v of ['a1', 'a2', 'a3', 'b1']) g.next(v);
        expect(g.next('b2')).toEqual({ value: 'B finished', done: true });
        expect(lines).toEqual(['A got: a1', 'A got: a2', 'A got: a3', 'B got: b1', 'B got: b2']);
      });

      it('logs nothing before the first value is sent', () => {
        const { lines, log } = logger();
        const g = kata.gen(log);
        expect(lines).toEqual([]);
        g.next();
        expect(lines).toEqual([]);
      });

      it('loses "B finished" in a for...of or a spread, which only see the yields', () => {
        const { lines, log } = logger();
        expect([...kata.gen(log)]).toEqual([0, 1, 2, 0, 1]);
        expect(lines).toEqual([
          'A got: undefined',
          'A got: undefined',
          'A got: undefined',
          'B got: undefined',
          'B got: undefined',
        ]);
      });

      it('a throw() reaches the running inner at its yield and, uncaught, ends gen', () => {
        const { lines, log } = logger();
        const g = kata.gen(log);
        g.next();
        g.next('a1');
        const error = new Error('into A');
        expect(thrownBy(() => g.throw(error))).toBe(error);
        expect(g.next('late')).toEqual({ value: undefined, done: true });
        expect(lines).toEqual(['A got: a1']);
      });

      it('a return() ends gen at once: B never starts', () => {
        const { lines, log } = logger();
        const g = kata.gen(log);
        g.next();
        expect(g.return('stopped')).toEqual({ value: 'stopped', done: true });
        expect(g.next('late')).toEqual({ value: undefined, done: true });
        expect(lines).toEqual([]);
      });
    },
  };
}
