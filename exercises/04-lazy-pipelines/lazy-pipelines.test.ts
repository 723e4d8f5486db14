import { fc, it as itProp } from '../../lib/property.ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  expectGeneratorObject,
  expectRealGenerator,
  firstN,
  naturals,
  spied,
} from '../../lib/testing.ts';
import { drop, filter, firstEvens, islice, map, take } from './lazy-pipelines';

/** The post's new_range, written here so these tests need none of the learner's earlier code. */
function* range(n: number): Generator<number, void, unknown> {
  for (let i = 0; i < n; i++) yield i;
}

const isEven = (n: number): boolean => n % 2 === 0;

/**
 * Python's islice(values, start, stop, step): the values it yields, and how many it reads from the
 * source when start < stop (up to stop; CPython also reads up to start when start >= stop).
 */
function pythonIslice<T>(values: T[], start: number, stop: number | null, step: number) {
  const end = Math.min(stop ?? values.length, values.length);
  const yielded: T[] = [];
  for (let i = start; i < end; i += step) yielded.push(values[i]!);
  return { yielded, reads: end };
}

describe('1. Take the first n', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(take, 'take', () => take([1, 2, 3, 4], 3));
  });

  it('yields the first n values', () => {
    expect([...take([10, 20, 30, 40], 2)]).toEqual([10, 20]);
    expect([...take([1, 2], 5)]).toEqual([1, 2]);
    expect([...take('abc', Infinity)]).toEqual(['a', 'b', 'c']);
  });

  it('reads nothing before the first next()', () => {
    const src = spied(naturals(100_000));
    const g = take(src, 3);
    expect([src.opened, src.pulls]).toEqual([0, 0]);
    expect(g.next()).toEqual({ value: 0, done: false });
    expect(src.pulls).toBe(1);
  });

  it('pulls exactly n values, never one more', () => {
    const three = spied(naturals(100_000));
    expect([...take(three, 3)]).toEqual([0, 1, 2]);
    expect(three.pulls).toBe(3);
    const one = spied(naturals(100_000));
    for (const v of take(one, 1)) expect(v).toBe(0);
    expect(one.pulls).toBe(1);
  });

  it('pulls one value per next(), not all n at once', () => {
    const src = spied(naturals(100_000));
    const g = take(src, 5);
    g.next();
    expect(src.pulls).toBe(1);
    g.next();
    expect(src.pulls).toBe(2);
  });

  it('closes the source exactly once when it has taken n', () => {
    const src = spied(naturals(100_000));
    [...take(src, 3)];
    expect(src.returns).toBe(1);
  });

  it('closes the source exactly once when the loop breaks', () => {
    const src = spied(naturals(100_000));
    for (const v of take(src, 10)) if (v === 2) break;
    expect(src.pulls).toBe(3);
    expect(src.returns).toBe(1);
  });

  it('does not close a source that runs out first', () => {
    const src = spied([1, 2]);
    expect([...take(src, 5)]).toEqual([1, 2]);
    expect(src.pulls).toBe(3);
    expect(src.returns).toBe(0);
  });

  it('reads nothing for n = 0', () => {
    const src = spied(naturals(100_000));
    expect([...take(src, 0)]).toEqual([]);
    expect(src.pulls).toBe(0);
    expect(src.returns).toBe(src.opened);
  });

  it('throws a RangeError for a negative, fractional or NaN n, before reading anything', () => {
    const src = spied(naturals(100_000));
    for (const n of [-1, 1.5, Number.NaN]) {
      expect(() => take(src, n).next(), `take(src, ${n})`).toThrow(RangeError);
    }
    expect(src.pulls).toBe(0);
  });
});

describe('2. Drop the first n', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(drop, 'drop', () => drop([1, 2, 3, 4], 1));
  });

  it('skips the first n values and yields the rest', () => {
    expect([...drop([1, 2, 3, 4, 5], 2)]).toEqual([3, 4, 5]);
    expect([...drop([1, 2], 5)]).toEqual([]);
    expect([...drop([1, 2], 0)]).toEqual([1, 2]);
  });

  it('reads nothing before the first next(), then skips all n at once', () => {
    const src = spied(naturals(100_000));
    const g = drop(src, 3);
    expect([src.opened, src.pulls]).toEqual([0, 0]);
    expect(g.next()).toEqual({ value: 3, done: false });
    expect(src.pulls).toBe(4);
    expect(g.next()).toEqual({ value: 4, done: false });
    expect(src.pulls).toBe(5);
  });

  it('works on an endless source', () => {
    expect(firstN(drop(naturals(2_000_000), 1_000_000), 2)).toEqual([1_000_000, 1_000_001]);
  });

  it('closes the source exactly once when the loop breaks', () => {
    const src = spied(naturals(100_000));
    for (const v of drop(src, 2)) if (v === 4) break;
    expect(src.pulls).toBe(5);
    expect(src.returns).toBe(1);
  });

  it('does not close a source that runs out', () => {
    const short = spied([1, 2]);
    expect([...drop(short, 5)]).toEqual([]);
    expect(short.returns).toBe(0);
    const longer = spied([1, 2, 3]);
    expect([...drop(longer, 1)]).toEqual([2, 3]);
    expect(longer.returns).toBe(0);
  });

  it('stops reading a source that runs out while it skips', () => {
    const src = spied([1, 2]);
    const g = drop(src, 5);
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(src.pulls).toBe(3);
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(src.pulls).toBe(3);
  });

  it('throws a RangeError for a negative, fractional or NaN n', () => {
    const src = spied(naturals(100_000));
    for (const n of [-1, 0.5, Number.NaN]) {
      expect(() => drop(src, n).next(), `drop(src, ${n})`).toThrow(RangeError);
    }
    expect(src.pulls).toBe(0);
  });
});

describe('3. Filter', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(filter, 'filter', () => filter([1, 2, 3, 4], (n: number) => n > 1));
  });

  it('keeps the values the predicate accepts', () => {
    expect([...filter([1, 2, 3, 4, 5, 6], isEven)]).toEqual([2, 4, 6]);
    expect([...filter([0, 1, '', 'a', null], (x) => x)]).toEqual([1, 'a']);
    expect([...filter([1, 3], isEven)]).toEqual([]);
  });

  it('passes each value with its index in the source', () => {
    const calls: string[] = [];
    const kept = filter(['a', 'b', 'c'], (v, i) => {
      calls.push(`${v}${i}`);
      return i !== 1;
    });
    expect([...kept]).toEqual(['a', 'c']);
    expect(calls).toEqual(['a0', 'b1', 'c2']);
  });

  it('reads nothing before the first next(), then only up to the next accepted value', () => {
    const src = spied(naturals(100_000));
    let calls = 0;
    const g = filter(src, (n) => {
      calls += 1;
      return n % 3 === 2;
    });
    expect([src.opened, src.pulls, calls]).toEqual([0, 0, 0]);
    expect(g.next()).toEqual({ value: 2, done: false });
    expect([src.pulls, calls]).toEqual([3, 3]);
    expect(g.next()).toEqual({ value: 5, done: false });
    expect([src.pulls, calls]).toEqual([6, 6]);
  });

  it('finds rare values in an endless source', () => {
    expect(
      firstN(
        filter(naturals(100_000), (n) => n % 1000 === 999),
        2,
      ),
    ).toEqual([999, 1999]);
  });

  it('closes the source exactly once when the loop breaks', () => {
    const src = spied(naturals(100_000));
    for (const v of filter(src, isEven)) if (v === 4) break;
    expect(src.pulls).toBe(5);
    expect(src.returns).toBe(1);
  });

  it('closes the source when the predicate throws, and the error reaches the caller', () => {
    const src = spied(naturals(100_000));
    const g = filter(src, (n) => {
      if (n === 3) throw new Error('bad value');
      return true;
    });
    expect(() => [...g]).toThrow('bad value');
    expect(src.returns).toBe(1);
  });

  it('does not close a source that runs out', () => {
    const src = spied([1, 2, 3, 4]);
    expect([...filter(src, isEven)]).toEqual([2, 4]);
    expect(src.returns).toBe(0);
  });

  it('narrows the element type with a type guard', () => {
    const mixed: (number | string)[] = [1, 'a', 2, 'b'];
    const numbers = filter(mixed, (x): x is number => typeof x === 'number');
    expectTypeOf(numbers).toEqualTypeOf<Generator<number, void, unknown>>();
    expect([...numbers]).toEqual([1, 2]);
  });
});

describe('4. Map', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(map, 'map', () => map([1, 2, 3, 4], (n: number) => n * 2));
  });

  it('yields fn(value, index) for each value', () => {
    expect([...map(['a', 'b', 'c'], (s, i) => s + i)]).toEqual(['a0', 'b1', 'c2']);
    expect([...map([1, 2, 3], (n) => n * 10)]).toEqual([10, 20, 30]);
    expect([...map([], (n: number) => n)]).toEqual([]);
  });

  it('calls fn once per value it reads, and not before the first next()', () => {
    const src = spied(naturals(100_000));
    let calls = 0;
    const g = map(src, (n) => {
      calls += 1;
      return n + 100;
    });
    expect([src.opened, src.pulls, calls]).toEqual([0, 0, 0]);
    expect(firstN(g, 3)).toEqual([100, 101, 102]);
    expect([src.pulls, calls]).toEqual([3, 3]);
  });

  it('maps an endless source', () => {
    expect(
      firstN(
        map(naturals(100_000), (n) => n * n),
        5,
      ),
    ).toEqual([0, 1, 4, 9, 16]);
  });

  it('closes the source exactly once when the loop breaks', () => {
    const src = spied(naturals(100_000));
    for (const v of map(src, (n) => n * 2)) if (v === 4) break;
    expect(src.pulls).toBe(3);
    expect(src.returns).toBe(1);
  });

  it('closes the source when fn throws, and the error reaches the caller', () => {
    const src = spied(naturals(100_000));
    const g = map(src, (n) => {
      if (n === 2) throw new Error('cannot map 2');
      return n;
    });
    expect(() => [...g]).toThrow('cannot map 2');
    expect(src.returns).toBe(1);
  });

  it('does not close a source that runs out', () => {
    const src = spied([1, 2, 3]);
    expect([...map(src, String)]).toEqual(['1', '2', '3']);
    expect(src.returns).toBe(0);
  });
});

describe('5. Slice like itertools.islice', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(islice, 'islice', () => islice([1, 2, 3, 4, 5, 6, 7], 1, 7, 2));
  });

  it('takes the first stop values with islice(it, stop)', () => {
    expect([...islice(range(10), 5)]).toEqual([0, 1, 2, 3, 4]);
    expect([...islice(range(10), 0)]).toEqual([]);
    expect([...islice('abc', 10)]).toEqual(['a', 'b', 'c']);
    expect([...islice('abc', null)]).toEqual(['a', 'b', 'c']);
  });

  it('picks positions like python with islice(it, start, stop, step)', () => {
    const s = 'ABCDEFG';
    expect([...islice(s, 2, 4)].join('')).toBe('CD');
    expect([...islice(s, 2, null)].join('')).toBe('CDEFG');
    expect([...islice(s, 0, null, 2)].join('')).toBe('ACEG');
    expect([...islice(s, 1, 6, 2)].join('')).toBe('BDF');
    expect([...islice(s, 3, 4, 10)].join('')).toBe('D');
    expect([...islice(s, 2, 100)].join('')).toBe('CDEFG');
    expect([...islice(s, 5, 3)].join('')).toBe('');
    expect([...islice(s, null, 3)].join('')).toBe('ABC');
    expect([...islice(s, null, null, 3)].join('')).toBe('ADG');
    expect([...islice(s, 1, 3, null)].join('')).toBe('BC');
  });

  itProp.prop(
    [
      fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 20 }),
      fc.nat(24),
      fc.option(fc.nat(24), { nil: null }),
      fc.integer({ min: 1, max: 5 }),
      fc.boolean(),
    ],
    { seed: 4, numRuns: 200 },
  )(
    "agrees with Python's islice on random slices of random sources",
    (values, start, stop, step, stopOnly) => {
      const [first, last, by] = stopOnly ? [0, stop, 1] : [start, stop, step];
      let reads = 0;
      const source = (function* () {
        for (const v of values) {
          reads += 1;
          yield v;
        }
      })();
      const got = stopOnly ? islice(source, stop) : islice(source, start, stop, step);
      const want = pythonIslice(values, first, last, by);
      expect(firstN(got, 50)).toEqual(want.yielded);
      if (first < (last ?? Infinity)) expect(reads).toBe(want.reads);
    },
  );

  it('throws a RangeError for negative or fractional values and a step below 1', () => {
    const src = spied(naturals(100_000));
    const bad: [string, () => unknown][] = [
      ['islice(src, -1)', () => islice(src, -1).next()],
      ['islice(src, 1.5)', () => islice(src, 1.5).next()],
      ['islice(src, NaN)', () => islice(src, Number.NaN).next()],
      ['islice(src, -1, 5)', () => islice(src, -1, 5).next()],
      ['islice(src, 0, -1)', () => islice(src, 0, -1).next()],
      ['islice(src, 0, 5, 0)', () => islice(src, 0, 5, 0).next()],
      ['islice(src, 0, 5, -2)', () => islice(src, 0, 5, -2).next()],
      ['islice(src, 0, 5, 1.5)', () => islice(src, 0, 5, 1.5).next()],
    ];
    for (const [call, run] of bad) expect(run, call).toThrow(RangeError);
    expect(src.pulls).toBe(0);
  });

  it('reads nothing before the first next(), then only up to the value it yields', () => {
    const src = spied(naturals(100_000));
    const g = islice(src, 2, null, 3);
    expect([src.opened, src.pulls]).toEqual([0, 0]);
    expect(g.next()).toEqual({ value: 2, done: false });
    expect(src.pulls).toBe(3);
    expect(g.next()).toEqual({ value: 5, done: false });
    expect(src.pulls).toBe(6);
  });

  it('reads the source up to stop, as python does, then closes it once', () => {
    const stepped = spied(naturals(100_000));
    expect([...islice(stepped, 0, 5, 3)]).toEqual([0, 3]);
    expect(stepped.pulls).toBe(5);
    expect(stepped.returns).toBe(1);
    const plain = spied(naturals(100_000));
    expect([...islice(plain, 4)]).toEqual([0, 1, 2, 3]);
    expect(plain.pulls).toBe(4);
    expect(plain.returns).toBe(1);
  });

  it('slices an endless source', () => {
    expect(firstN(islice(naturals(100_000), 10, null, 10), 3)).toEqual([10, 20, 30]);
  });

  it('closes the source exactly once when the loop breaks', () => {
    const src = spied(naturals(100_000));
    for (const v of islice(src, 1, null, 2)) if (v === 5) break;
    expect(src.pulls).toBe(6);
    expect(src.returns).toBe(1);
  });

  it('does not close a source that runs out', () => {
    const src = spied([1, 2, 3]);
    expect([...islice(src, 0, 10, 2)]).toEqual([1, 3]);
    expect(src.pulls).toBe(4);
    expect(src.returns).toBe(0);
  });
});

describe("6. The post's pipeline", () => {
  it('hands out a real generator object, built from the helpers', () => {
    expectGeneratorObject(firstEvens([1, 2, 3, 4]), 'firstEvens(...)');
  });

  it('gives the first ten even numbers of range(1_000_000)', () => {
    expect([...firstEvens(range(1_000_000))]).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it('reads 19 of the million numbers, then closes the source once', () => {
    const src = spied(range(1_000_000));
    [...firstEvens(src)];
    expect(src.pulls).toBe(19);
    expect(src.returns).toBe(1);
  });

  it('reads nothing before the first next()', () => {
    const src = spied(range(1_000_000));
    const g = firstEvens(src);
    expect([src.opened, src.pulls]).toEqual([0, 0]);
    expect(g.next()).toEqual({ value: 0, done: false });
    expect(src.pulls).toBe(1);
  });

  it('takes a count, and works on an endless source', () => {
    expect([...firstEvens(naturals(100_000), 3)]).toEqual([0, 2, 4]);
    const src = spied(naturals(100_000));
    expect([...firstEvens(src, 0)]).toEqual([]);
    expect(src.pulls).toBe(0);
  });

  it('chains all the helpers over an endless source, reading only what it needs', () => {
    const src = spied(naturals(100_000));
    const squares = map(
      filter(drop(src, 5), (n) => n % 2 === 1),
      (n) => n * n,
    );
    expect([...take(islice(squares, 1, null), 2)]).toEqual([49, 81]);
    expect(src.pulls).toBe(10);
    expect(src.returns).toBe(1);
  });

  it('closes the source once when a loop over the whole pipeline breaks', () => {
    const src = spied(naturals(100_000));
    for (const v of firstEvens(src, 100)) if (v === 6) break;
    expect(src.pulls).toBe(7);
    expect(src.returns).toBe(1);
  });
});
