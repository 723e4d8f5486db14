import { describe, expect, expectTypeOf, it } from 'vitest';
import { expectRealGenerator, firstN, naturals, spied } from '../../lib/testing.ts';
import { drain, gen, withSummary, withTotal, type Drained } from './return-values';

/** An endless source for these tests: guarded at 100,000 values, so an eager solution fails fast and small. */
const endless = () => naturals(100_000);

/**
 * A hand-written iterator (not iterable, so no spread or for-of) that counts down from `from`
 * and returns `returned`. It fails the test if next() is called after it said done.
 */
function countdown<R>(from: number, returned: R) {
  let n = from;
  let calls = 0;
  let finished = false;
  const it: Iterator<number, R> & { readonly calls: number } = {
    next() {
      calls += 1;
      if (finished) throw new Error('next() called again after done: true');
      if (n > 0) return { value: n--, done: false };
      finished = true;
      return { value: returned, done: true };
    },
    get calls() {
      return calls;
    },
  };
  return it;
}

describe('1. Return a value', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(gen, 'gen', () => gen());
  });

  it('yields 1 and 2, then answers done with the return value', () => {
    const g = gen();
    expect(g.next()).toEqual({ value: 1, done: false });
    expect(g.next()).toEqual({ value: 2, done: false });
    expect(g.next()).toEqual({ value: 'returned value', done: true });
  });

  it('hands out the return value once: later next() calls answer undefined', () => {
    const g = gen();
    g.next();
    g.next();
    g.next();
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
  });

  it('runs the post loop: 1, 2, then returned value', () => {
    const printed: unknown[] = [];
    const g = gen();
    for (let r = g.next(); ; r = g.next()) {
      printed.push(r.value);
      if (r.done) break;
    }
    expect(printed).toEqual([1, 2, 'returned value']);
  });

  it('is dropped by spread, Array.from and for-of', () => {
    expect([...gen()]).toEqual([1, 2]);
    expect(Array.from(gen())).toEqual([1, 2]);
    const seen: unknown[] = [];
    for (const x of gen()) seen.push(x);
    expect(seen).toEqual([1, 2]);
  });

  it('is what yield* evaluates to', () => {
    let caught: string | undefined;
    function* outer() {
      caught = yield* gen();
    }
    expect([...outer()]).toEqual([1, 2]);
    expect(caught).toBe('returned value');
  });
});

describe('2. Total on the way out', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(withTotal, 'withTotal', () => withTotal([1, 2, 3]));
  });

  it('yields every number as it passes through', () => {
    expect([...withTotal([4, 5, 6])]).toEqual([4, 5, 6]);
  });

  it('returns the sum on the done answer', () => {
    const g = withTotal([4, 5, 6]);
    g.next();
    g.next();
    g.next();
    expect(g.next()).toEqual({ value: 15, done: true });
  });

  it('returns 0 at once when there are no numbers', () => {
    expect(withTotal([]).next()).toEqual({ value: 0, done: true });
  });

  it('reads one number per next(), none before the first', () => {
    const src = spied([1, 2, 3, 4]);
    const g = withTotal(src);
    expect(src.pulls).toBe(0);
    g.next();
    g.next();
    expect(src.pulls).toBe(2);
  });

  it('works on an endless source, as far as the caller reads', () => {
    expect(firstN(withTotal(endless()), 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('closes the source when the caller stops early', () => {
    const src = spied([1, 2, 3]);
    const g = withTotal(src);
    g.next();
    expect(g.return(-1)).toEqual({ value: -1, done: true });
    expect(src.returns).toBe(1);
  });

  it('does not close a source it read to the end', () => {
    const src = spied([1, 2]);
    const g = withTotal(src);
    g.next();
    g.next();
    expect(g.next()).toEqual({ value: 3, done: true });
    expect(src.returns).toBe(0);
  });
});

describe('3. Drain an iterator', () => {
  it('keeps the yielded values and the return value of the post gen()', () => {
    expect(drain(gen())).toEqual({ yielded: [1, 2], returned: 'returned value' });
  });

  it('gives the sum returned by withTotal', () => {
    expect(drain(withTotal([1, 2, 3]))).toEqual({ yielded: [1, 2, 3], returned: 6 });
  });

  it('gives returned: undefined for a generator without a return', () => {
    function* plain() {
      yield 'a';
      yield 'b';
    }
    expect(drain(plain())).toEqual({ yielded: ['a', 'b'], returned: undefined });
  });

  it('works on a hand-written iterator that is not iterable', () => {
    expect(drain(countdown(3, 'liftoff'))).toEqual({ yielded: [3, 2, 1], returned: 'liftoff' });
  });

  it('keeps yielded undefined values: only done ends the loop', () => {
    function* holes() {
      yield 1;
      yield undefined;
      yield 3;
      return 'end';
    }
    expect(drain(holes())).toEqual({ yielded: [1, undefined, 3], returned: 'end' });
  });

  it('reads an answer without done as not done, as for-of does', () => {
    let n = 0;
    const terse: Iterator<number, string> = {
      // The protocol lets an answer leave done out: a missing done means false.
      next: () =>
        n < 2 ? ({ value: n++ } as IteratorResult<number, string>) : { value: 'end', done: true },
    };
    expect(drain(terse)).toEqual({ yielded: [0, 1], returned: 'end' });
  });

  it('stops at the first done: one next() per value, plus one', () => {
    const it = countdown(3, 'liftoff');
    drain(it);
    expect(it.calls).toBe(4);
    const empty = countdown(0, 'nothing');
    expect(drain(empty)).toEqual({ yielded: [], returned: 'nothing' });
    expect(empty.calls).toBe(1);
  });

  it('finds nothing left in a generator that was drained already', () => {
    const g = gen();
    drain(g);
    expect(drain(g)).toEqual({ yielded: [], returned: undefined });
  });

  it('keeps the types of what it drained', () => {
    const result = drain(gen());
    expectTypeOf(result).toEqualTypeOf<Drained<number, string>>();
    expect(result.returned.toUpperCase()).toBe('RETURNED VALUE');
  });
});

describe('4. Catch it with yield*', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(withSummary, 'withSummary', () => withSummary([1, 2, 3]), 5);
  });

  it('yields the numbers, then their total', () => {
    expect([...withSummary([1, 2, 3])]).toEqual([1, 2, 3, 'total 6']);
  });

  it('yields total 0 alone when there are no numbers', () => {
    expect([...withSummary([])]).toEqual(['total 0']);
  });

  it('reads the source once, one number per next()', () => {
    const src = spied([10, 20, 30]);
    const g = withSummary(src);
    expect(src.opened).toBe(0);
    g.next();
    expect(src.pulls).toBe(1);
    expect([...g]).toEqual([20, 30, 'total 60']);
    expect(src.opened).toBe(1);
    expect(src.pulls).toBe(4);
  });

  it('passes an endless source through lazily', () => {
    expect(firstN(withSummary(endless()), 3)).toEqual([0, 1, 2]);
  });

  it('ends with done and no return value of its own', () => {
    const g = withSummary([2]);
    g.next();
    g.next();
    expect(g.next()).toEqual({ value: undefined, done: true });
  });
});
