import { fc, it as itProp } from '../../lib/property.ts';
import { describe, expect, it } from 'vitest';
import {
  expectGeneratorObject,
  expectOwnResults,
  expectRealGenerator,
  firstN,
  probe,
  sumWatchingMemory,
  valuesOf,
} from '../../lib/testing.ts';
import { count, range } from './lazy-range';

/** Python's range(start, stop, step), the model the property tests compare with. */
function pythonRange(start: number, stop: number, step: number): number[] {
  const length = Math.max(0, Math.ceil((stop - start) / step));
  return Array.from({ length }, (_, i) => start + i * step);
}

// Fixed seeds: a grade is the same on every run.
const small = fc.integer({ min: -40, max: 40 });

describe('1. Count up to a stop', () => {
  it('yields 0 up to stop - 1', () => {
    expect(valuesOf(range(5))).toEqual([0, 1, 2, 3, 4]);
  });

  it('yields nothing for a stop of 0 or below', () => {
    expect(valuesOf(range(0))).toEqual([]);
    expect(valuesOf(range(-3))).toEqual([]);
  });

  itProp.prop([small], { seed: 1, numRuns: 100 })(
    "agrees with Python's range(stop) for random stops",
    (stop) => {
      expect(valuesOf(range(stop))).toEqual(pythonRange(0, stop, 1));
    },
  );

  it('hands out values one next() at a time, then done forever', () => {
    const g = range(2);
    expect(g.next()).toEqual({ value: 0, done: false });
    expect(g.next()).toEqual({ value: 1, done: false });
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
  });

  it('returns a generator object, which is its own iterator', () => {
    const g = range(3);
    expectGeneratorObject(g, 'range(3)');
    expect(g[Symbol.iterator]()).toBe(g);
  });

  it('each call returns a new, real generator object', () => {
    expectRealGenerator(range, 'range', () => range(4));
  });

  it('yields each value itself, not through a hand-written iterator', () => {
    expectOwnResults(range(4), 5);
    // throw() lands in range's own body, which does not catch it: the generator closes.
    const g = range(4);
    g.next();
    const error = new Error('stop here');
    expect(() => g.throw(error)).toThrow(error);
    expect(g.next()).toEqual({ value: undefined, done: true });
  });
});

describe('2. Start, stop and step', () => {
  it('counts from start to stop - 1', () => {
    expect(valuesOf(range(2, 6))).toEqual([2, 3, 4, 5]);
    expect(valuesOf(range(-2, 2))).toEqual([-2, -1, 0, 1]);
  });

  it('yields nothing when start is at or past stop', () => {
    expect(valuesOf(range(5, 5))).toEqual([]);
    expect(valuesOf(range(6, 2))).toEqual([]);
  });

  it('takes a step and stops before passing stop', () => {
    expect(valuesOf(range(0, 10, 3))).toEqual([0, 3, 6, 9]);
    expect(valuesOf(range(0, 9, 3))).toEqual([0, 3, 6]);
    expect(valuesOf(range(1, 2, 5))).toEqual([1]);
  });

  it('counts down with a negative step', () => {
    expect(valuesOf(range(5, 0, -1))).toEqual([5, 4, 3, 2, 1]);
    expect(valuesOf(range(10, 0, -3))).toEqual([10, 7, 4, 1]);
    expect(valuesOf(range(5, 0, -2))).toEqual([5, 3, 1]);
    expect(valuesOf(range(-1, -4, -1))).toEqual([-1, -2, -3]);
  });

  it('yields nothing when the step points away from stop', () => {
    expect(valuesOf(range(0, 5, -1))).toEqual([]);
    expect(valuesOf(range(5, 0, 2))).toEqual([]);
  });

  itProp.prop([small, small, fc.integer({ min: -9, max: 9 }).filter((n) => n !== 0)], {
    seed: 2,
    numRuns: 300,
  })("agrees with Python's range(start, stop, step) for random arguments", (start, stop, step) => {
    expect(valuesOf(range(start, stop, step))).toEqual(pythonRange(start, stop, step));
  });

  it('throws a RangeError for a step of 0', () => {
    expect(() => range(0, 5, 0).next()).toThrow(RangeError);
  });
});

describe('3. Nothing before the first next()', () => {
  it('reads none of its arguments until next() is called', () => {
    const stop = probe(3);
    const g = range(stop);
    expect(stop.reads).toBe(0);
    expect(g.next()).toEqual({ value: 0, done: false });
    expect(stop.reads).toBeGreaterThan(0);
  });

  it('reads neither stop nor step until next(), when given all three', () => {
    const stop = probe(10);
    const step = probe(2);
    const g = range(0, stop, step);
    expect([stop.reads, step.reads]).toEqual([0, 0]);
    expect(g.next()).toEqual({ value: 0, done: false });
    expect(stop.reads).toBeGreaterThan(0);
  });

  it('does not run ahead: three next() calls read stop at most three times', () => {
    const stop = probe(1_000);
    const g = range(0, stop);
    g.next();
    g.next();
    g.next();
    expect(stop.reads).toBeGreaterThan(0);
    expect(stop.reads).toBeLessThanOrEqual(3);
  });
});

describe('4. Count forever', () => {
  it('starts at 0 and steps by 1 by default', () => {
    expect(firstN(count(), 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('takes a start and a step, including negative ones', () => {
    expect(firstN(count(10, 5), 3)).toEqual([10, 15, 20]);
    expect(firstN(count(3, -2), 4)).toEqual([3, 1, -1, -3]);
  });

  it('never ends: the millionth value is there', () => {
    const g = count();
    let last = -1;
    for (let i = 0; i < 1_000_000; i++) last = g.next().value;
    expect(last).toBe(999_999);
  });

  it('each call returns a new, real generator object', () => {
    expectRealGenerator(count, 'count', () => count(5));
  });

  it('stops when the caller breaks out of the loop', () => {
    const seen: number[] = [];
    for (const n of count(1)) {
      if (n > 3) break;
      seen.push(n);
      // A count that never passes 3 would fill the heap: stop it and let the assertion fail.
      if (seen.length > 100) break;
    }
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('5. Constant memory', () => {
  // Fifty million numbers take at least 200 MiB however they are stored (an array, a typed
  // array, a string, a Map, object keys); a lazy range holds one. The sum of the first million
  // shows the values are right while the memory is watched.
  it('sums range(50_000_000) without holding its values', () => {
    const run = sumWatchingMemory(() => range(50_000_000), 1_000_000);
    expect(run.pulled).toBe(1_000_000);
    expect(run.sum).toBe(499_999_500_000);
    expect(
      run.growthMiB,
      `memory rose by ${Math.round(run.growthMiB)} MiB: range() stores its values`,
    ).toBeLessThan(96);
  });
});
