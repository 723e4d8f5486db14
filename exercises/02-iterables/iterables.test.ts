import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectHandWrittenIterator, firstN, probe, valuesOf } from '../../lib/testing.ts';
import { Range, RangeIterator } from './iterables';

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Calls `fn` under a watchdog. Arithmetic answers in microseconds; a loop over 1e15 values would
 * take days, so after `ms` it is stopped and the test fails instead of hanging the run.
 */
function answersAtOnce<T>(fn: () => T, ms = 2_000): T {
  try {
    return runInNewContext('fn()', { fn }, { timeout: ms }) as T;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new Error(`no answer after ${ms} ms: it loops over the values instead of computing`);
    }
    throw err;
  }
}

/** What Python's range() yields, written out by a plain loop that uses none of the learner's code. */
function pythonRange(start: number, stop: number, step: number): number[] {
  const out: number[] = [];
  for (let v = start; step > 0 ? v < stop : v > stop; v += step) out.push(v);
  return out;
}

describe('1. A range with a start, a stop and a step', () => {
  it('takes stop alone, or start, stop and step', () => {
    const one = new Range(5);
    expect([one.start, one.stop, one.step]).toEqual([0, 5, 1]);
    const two = new Range(2, 8);
    expect([two.start, two.stop, two.step]).toEqual([2, 8, 1]);
    const three = new Range(10, 0, -2);
    expect([three.start, three.stop, three.step]).toEqual([10, 0, -2]);
  });

  it('yields the values of python range()', () => {
    expect(valuesOf(new Range(5))).toEqual([0, 1, 2, 3, 4]);
    expect(valuesOf(new Range(-2, 2))).toEqual([-2, -1, 0, 1]);
    expect(valuesOf(new Range(0, 10, 3))).toEqual([0, 3, 6, 9]);
    expect(valuesOf(new Range(5, 0, -2))).toEqual([5, 3, 1]);
  });

  it('yields nothing when start is at stop or the step points away from it', () => {
    expect(valuesOf(new Range(0))).toEqual([]);
    expect(valuesOf(new Range(-3))).toEqual([]);
    expect(valuesOf(new Range(4, 4))).toEqual([]);
    expect(valuesOf(new Range(0, 5, -1))).toEqual([]);
    expect(valuesOf(new Range(5, 0, 2))).toEqual([]);
  });

  it('throws a RangeError for a step of 0 as soon as it is constructed', () => {
    expect(() => new Range(0, 5, 0)).toThrow(RangeError);
  });

  it('is iterable but is not itself an iterator: it has no next()', () => {
    const r = new Range(3);
    expect(typeof r[Symbol.iterator]).toBe('function');
    expect('next' in r).toBe(false);
  });
});

describe('2. A fresh iterator for every loop', () => {
  it('gives the same values every time it is looped over', () => {
    const r = new Range(1, 10, 4);
    const seen: number[][] = [];
    for (let round = 0; round < 3; round++) {
      const values: number[] = [];
      for (const v of r) {
        values.push(v);
        // A range that never stops fails the assertion below instead of filling the heap.
        if (values.length > 100) break;
      }
      seen.push(values);
    }
    expect(seen).toEqual([
      [1, 5, 9],
      [1, 5, 9],
      [1, 5, 9],
    ]);
    expect(Array.from(r)).toEqual([1, 5, 9]);
    expect(Math.max(...r)).toBe(9);
  });

  it('returns a new RangeIterator from each [Symbol.iterator]() call', () => {
    const r = new Range(3);
    const a = r[Symbol.iterator]();
    const b = r[Symbol.iterator]();
    expect(a).toBeInstanceOf(RangeIterator);
    expect(b).toBeInstanceOf(RangeIterator);
    expect(a).not.toBe(b);
  });

  it('keeps its iterators independent: advancing one does not move another', () => {
    const r = new Range(3);
    const a = r[Symbol.iterator]();
    expect(a.next()).toEqual({ value: 0, done: false });
    expect(a.next()).toEqual({ value: 1, done: false });
    const b = r[Symbol.iterator]();
    expect(b.next()).toEqual({ value: 0, done: false });
    expect(a.next()).toEqual({ value: 2, done: false });
  });

  it('lets nested loops over the same range see every pair', () => {
    const r = new Range(3);
    const pairs: string[] = [];
    for (const x of r) for (const y of r) pairs.push(`${x}${y}`);
    expect(pairs).toEqual(['00', '01', '02', '10', '11', '12', '20', '21', '22']);
  });

  it('starts over after a loop that broke off early', () => {
    const r = new Range(10);
    for (const v of r) if (v === 2) break;
    expect(firstN(r, 3)).toEqual([0, 1, 2]);
  });
});

describe('3. Length and membership without a loop', () => {
  it('counts its values like len(range(...))', () => {
    expect(new Range(5).length).toBe(5);
    expect(new Range(2, 6).length).toBe(4);
    expect(new Range(0, 10, 3).length).toBe(4);
    expect(new Range(0, 9, 3).length).toBe(3);
    expect(new Range(1, 2, 5).length).toBe(1);
    expect(new Range(5, 0, -2).length).toBe(3);
    expect(new Range(10, 0, -3).length).toBe(4);
    expect(new Range(0).length).toBe(0);
    expect(new Range(-3).length).toBe(0);
    expect(new Range(6, 2).length).toBe(0);
    expect(new Range(0, 5, -1).length).toBe(0);
  });

  it('includes only the values a loop would yield', () => {
    const up = new Range(0, 10, 3);
    expect([0, 3, 6, 9].map((v) => up.includes(v))).toEqual([true, true, true, true]);
    expect([-3, 1, 4, 10, 12].map((v) => up.includes(v))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const down = new Range(10, 0, -3);
    expect([10, 7, 4, 1].map((v) => down.includes(v))).toEqual([true, true, true, true]);
    expect([13, 9, 0, -2].map((v) => down.includes(v))).toEqual([false, false, false, false]);
    expect(new Range(5).includes(5)).toBe(false);
    expect(new Range(5).includes(2.5)).toBe(false);
    expect(new Range(5).includes(Number.NaN)).toBe(false);
    expect(new Range(3, 3).includes(3)).toBe(false);
  });

  it('agrees with a loop for every small range', () => {
    // Gathered first, then one assertion: thousands of expect() calls would slow every re-run.
    const wrong: string[] = [];
    for (let start = -5; start <= 5; start++) {
      for (let stop = -5; stop <= 5; stop++) {
        for (const step of [-3, -2, -1, 1, 2, 3]) {
          const expected = pythonRange(start, stop, step);
          const r = new Range(start, stop, step);
          const label = `Range(${start}, ${stop}, ${step})`;
          if (r.length !== expected.length) {
            wrong.push(`${label}.length is ${r.length}, expected ${expected.length}`);
          }
          for (let v = -7; v <= 7; v++) {
            if (r.includes(v) !== expected.includes(v)) {
              wrong.push(
                `${label}.includes(${v}) is ${r.includes(v)}, expected ${expected.includes(v)}`,
              );
            }
          }
        }
      }
    }
    expect(wrong.slice(0, 5).join('\n')).toBe('');
  });

  it('answers without iterating over itself', () => {
    const opened = vi.spyOn(Range.prototype, Symbol.iterator);
    const pulled = vi.spyOn(RangeIterator.prototype, 'next');
    const r = new Range(0, 3_000, 3);
    expect(r.length).toBe(1_000);
    expect(r.includes(2_997)).toBe(true);
    expect(r.includes(2_998)).toBe(false);
    expect(opened).not.toHaveBeenCalled();
    expect(pulled).not.toHaveBeenCalled();
  });

  it('answers at once for ranges of about 1e15 values', () => {
    const answers = answersAtOnce(() => {
      const up = new Range(0, 1e15);
      const sevens = new Range(0, 1e15, 7);
      const down = new Range(1e15, -1e15, -3);
      return [
        up.length,
        up.includes(1e15 - 1),
        up.includes(1e15),
        sevens.length,
        sevens.includes(999_999_999_999_994),
        sevens.includes(999_999_999_999_995),
        down.length,
        down.includes(-1e15 + 2),
        down.includes(-1e15 + 1),
      ];
    });
    expect(answers).toEqual([
      1e15,
      true,
      false,
      142_857_142_857_143,
      true,
      false,
      666_666_666_666_667,
      true,
      false,
    ]);
  });

  it('still hands out the first values of a 1e15-value range at once', () => {
    const first = answersAtOnce(() => firstN(new Range(0, 1e15, 7), 3));
    expect(first).toEqual([0, 7, 14]);
  });
});

describe('4. An iterator by hand', () => {
  it('is written by hand: no generator, proxy or borrowed generator method', () => {
    expectHandWrittenIterator(new RangeIterator(0, 3, 1), 'new RangeIterator(0, 3, 1)');
    expectHandWrittenIterator(new Range(3)[Symbol.iterator](), 'new Range(3)[Symbol.iterator]()');
  });

  it('hands out values one next() at a time, then done forever', () => {
    const it = new RangeIterator(0, 6, 2);
    expect(it.next()).toEqual({ value: 0, done: false });
    expect(it.next()).toEqual({ value: 2, done: false });
    expect(it.next()).toEqual({ value: 4, done: false });
    expect(it.next()).toEqual({ value: undefined, done: true });
    expect(it.next()).toEqual({ value: undefined, done: true });
    expect(it.next()).toEqual({ value: undefined, done: true });
  });

  it('stays finished once it has run out: later next() calls do not read stop again', () => {
    const stop = probe(2);
    const it = new RangeIterator(0, stop, 1);
    expect(valuesOf(it)).toEqual([0, 1]);
    const reads = stop.reads;
    expect(it.next()).toEqual({ value: undefined, done: true });
    expect(it.next()).toEqual({ value: undefined, done: true });
    expect(stop.reads).toBe(reads);
  });

  it('counts down with a negative step, and yields nothing when empty', () => {
    expect(valuesOf(new RangeIterator(3, 0, -1))).toEqual([3, 2, 1]);
    expect(valuesOf(new RangeIterator(-1, -8, -3))).toEqual([-1, -4, -7]);
    expect(new RangeIterator(4, 4, 1).next()).toEqual({ value: undefined, done: true });
    expect(new RangeIterator(0, 5, -1).next()).toEqual({ value: undefined, done: true });
  });

  it('is its own iterator, so for-of accepts it', () => {
    const it = new RangeIterator(0, 3, 1);
    expect(it[Symbol.iterator]()).toBe(it);
    const seen: number[] = [];
    for (const v of it) seen.push(v);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('is one-shot, like a generator object: a second loop yields nothing', () => {
    /** What two for-of loops in a row over the same iterator see. */
    const twoLoops = (iterator: Iterable<number>): number[][] => {
      const rounds: number[][] = [[], []];
      for (const round of rounds) for (const v of iterator) round.push(v);
      return rounds;
    };
    expect(twoLoops(new RangeIterator(0, 3, 1))).toEqual([[0, 1, 2], []]);

    function* zeroOneTwo(): Generator<number> {
      yield 0;
      yield 1;
      yield 2;
    }
    expect(twoLoops(zeroOneTwo())).toEqual([[0, 1, 2], []]);
  });

  it('is a RangeIterator object, not a generator in disguise', () => {
    const it = new RangeIterator(0, 3, 1);
    expect(Object.getPrototypeOf(it)).toBe(RangeIterator.prototype);
    expect(Object.prototype.toString.call(it)).not.toBe('[object Generator]');
    expect(new Range(3)[Symbol.iterator]()).toBeInstanceOf(RangeIterator);
  });
});

describe('5. Closing early with return()', () => {
  it('answers done from return() and stays closed', () => {
    const it = new RangeIterator(0, 10, 1);
    expect(it.next()).toEqual({ value: 0, done: false });
    expect(it.return()).toEqual({ value: undefined, done: true });
    expect(it.next()).toEqual({ value: undefined, done: true });
    expect(it.next()).toEqual({ value: undefined, done: true });
  });

  it('closes a fresh iterator before it hands out anything', () => {
    const it = new RangeIterator(0, 10, 1);
    expect(it.return()).toEqual({ value: undefined, done: true });
    expect(valuesOf(it)).toEqual([]);
  });

  it('answers done again from a second return(), and from return() after the end', () => {
    const closed = new RangeIterator(0, 10, 1);
    closed.next();
    expect(closed.return()).toEqual({ value: undefined, done: true });
    expect(closed.return()).toEqual({ value: undefined, done: true });
    expect(closed.next()).toEqual({ value: undefined, done: true });
    const spent = new RangeIterator(0, 2, 1);
    expect(valuesOf(spent)).toEqual([0, 1]);
    expect(spent.return()).toEqual({ value: undefined, done: true });
    expect(spent.next()).toEqual({ value: undefined, done: true });
  });

  it('is called exactly once when a for-of loop breaks', () => {
    const closed = vi.spyOn(RangeIterator.prototype, 'return');
    const seen: number[] = [];
    for (const v of new Range(10)) {
      if (v === 3) break;
      seen.push(v);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('is called exactly once when the loop body throws', () => {
    const closed = vi.spyOn(RangeIterator.prototype, 'return');
    expect(() => {
      for (const v of new Range(10)) if (v === 1) throw new Error('boom');
    }).toThrow('boom');
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('is called once by destructuring, which leaves the rest unread', () => {
    const closed = vi.spyOn(RangeIterator.prototype, 'return');
    const [a, b] = new Range(10);
    expect([a, b]).toEqual([0, 1]);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('is not called when the values run out', () => {
    const closed = vi.spyOn(RangeIterator.prototype, 'return');
    const seen: number[] = [];
    for (const v of new Range(3)) seen.push(v);
    expect(seen).toEqual([0, 1, 2]);
    expect(valuesOf(new Range(0, 9, 4))).toEqual([0, 4, 8]);
    expect(Array.from(new Range(2))).toEqual([0, 1]);
    expect(closed).not.toHaveBeenCalled();
  });

  it('leaves the iterator finished after a break, like a generator', () => {
    const it = new Range(10)[Symbol.iterator]();
    for (const v of it) if (v === 2) break;
    expect(it.next()).toEqual({ value: undefined, done: true });
    expect(valuesOf(it)).toEqual([]);
  });
});
