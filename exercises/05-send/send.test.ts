import { describe, expect, expectTypeOf, it } from 'vitest';
import { expectGeneratorObject, expectRealGenerator } from '../../lib/testing.ts';
import { averager, gen, primed } from './send';

/** A log function for gen() that keeps the lines it was given. */
function recorder() {
  const lines: string[] = [];
  return { lines, log: (line: string) => void lines.push(line) };
}

describe('1. Got hello', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(gen, 'gen', () => gen(0, () => {}));
  });

  it('replays the post: Got hello, Got 42', () => {
    const { lines, log } = recorder();
    const g = gen(1, log);
    expect(g.next()).toEqual({ value: 1, done: false });
    expect(g.next('hello')).toEqual({ value: 2, done: false });
    expect(lines).toEqual(['Got hello']);
    expect(g.next(42)).toEqual({ value: 3, done: false });
    expect(lines).toEqual(['Got hello', 'Got 42']);
  });

  it('drops the value passed to the first next()', () => {
    const { lines, log } = recorder();
    const g = gen(1, log);
    expect(g.next('lost')).toEqual({ value: 1, done: false });
    expect(lines).toEqual([]);
    g.next('hello');
    expect(lines).toEqual(['Got hello']);
  });

  it('logs each value before handing out the next number', () => {
    const { lines, log } = recorder();
    const g = gen(5, log);
    g.next();
    g.next('a');
    expect(lines).toEqual(['Got a']);
    g.next('b');
    expect(lines).toEqual(['Got a', 'Got b']);
  });

  it('logs Got undefined for a bare next(), as Python logs Got None', () => {
    const { lines, log } = recorder();
    const g = gen(0, log);
    g.next();
    expect(g.next()).toEqual({ value: 1, done: false });
    expect(lines).toEqual(['Got undefined']);
  });

  it('starts at 0 by default and never ends', () => {
    const { log } = recorder();
    const g = gen(undefined, log);
    expect(g.next().value).toBe(0);
    let last = 0;
    for (let i = 0; i < 1_000; i++) last = g.next(i).value;
    expect(last).toBe(1_000);
  });

  it('is a generator: return() ends it', () => {
    const { lines, log } = recorder();
    const g = gen(1, log);
    g.next();
    // gen never returns, so its return type is never: the cast lets the test call return().
    expect(g.return(undefined as never)).toEqual({ value: undefined, done: true });
    expect(g.next('late')).toEqual({ value: undefined, done: true });
    expect(lines).toEqual([]);
  });
});

describe('2. A running average', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(averager, 'averager', () => averager());
  });

  it('yields undefined first: no number, no average', () => {
    expect(averager().next()).toEqual({ value: undefined, done: false });
  });

  it('yields the running average of the numbers sent', () => {
    const avg = averager();
    avg.next();
    expect(avg.next(10)).toEqual({ value: 10, done: false });
    expect(avg.next(30)).toEqual({ value: 20, done: false });
    expect(avg.next(5)).toEqual({ value: 15, done: false });
    expect(avg.next(-15)).toEqual({ value: 7.5, done: false });
  });

  it('drops the value passed to the first next()', () => {
    const avg = averager();
    expect(avg.next(100)).toEqual({ value: undefined, done: false });
    expect(avg.next(10)).toEqual({ value: 10, done: false });
    expect(avg.next(20)).toEqual({ value: 15, done: false });
  });

  it('counts a sent 0 as a number', () => {
    const avg = averager();
    avg.next();
    avg.next(10);
    expect(avg.next(0)).toEqual({ value: 5, done: false });
  });

  it('answers a bare next() with the current average, without counting a term', () => {
    const avg = averager();
    avg.next();
    expect(avg.next()).toEqual({ value: undefined, done: false });
    avg.next(4);
    expect(avg.next()).toEqual({ value: 4, done: false });
    expect(avg.next(8)).toEqual({ value: 6, done: false });
  });

  it('keeps its own total in each generator', () => {
    const a = averager();
    const b = averager();
    a.next();
    b.next();
    a.next(100);
    expect(b.next(2)).toEqual({ value: 2, done: false });
    expect(a.next(0)).toEqual({ value: 50, done: false });
  });

  it('never ends: the average of 1 to 100,000 comes out right', () => {
    const avg = averager();
    avg.next();
    let last: number | undefined;
    for (let i = 1; i <= 100_000; i++) last = avg.next(i).value;
    expect(last).toBe(50_000.5);
  });
});

describe('3. Prime it once', () => {
  it('hands back a real generator object, the one the generator function made', () => {
    expectGeneratorObject(primed(averager)(), 'primed(averager)()');
  });

  it('creates nothing until the wrapper is called', () => {
    let calls = 0;
    const counted = () => {
      calls += 1;
      return averager();
    };
    const newAverager = primed(counted);
    expect(calls).toBe(0);
    newAverager();
    expect(calls).toBe(1);
  });

  it('runs the body up to its first yield, once per call', () => {
    const steps: string[] = [];
    function* traced(): Generator<string, void, string> {
      steps.push('started');
      const got = yield 'ready';
      steps.push(`got ${got}`);
    }
    const g = primed(traced)();
    expect(steps).toEqual(['started']);
    expect(g.next('x')).toEqual({ value: undefined, done: true });
    expect(steps).toEqual(['started', 'got x']);
  });

  it('loses nothing: the first value sent to a primed averager counts', () => {
    const avg = primed(averager)();
    expect(avg.next(10)).toEqual({ value: 10, done: false });
    expect(avg.next(20)).toEqual({ value: 15, done: false });
  });

  it('passes the arguments through and logs Got hello at once', () => {
    const { lines, log } = recorder();
    const g = primed(gen)(1, log);
    expect(g.next('hello')).toEqual({ value: 2, done: false });
    expect(lines).toEqual(['Got hello']);
  });

  it('makes a fresh generator per call', () => {
    const newAverager = primed(averager);
    const a = newAverager();
    const b = newAverager();
    // === rather than toBe: toBe's message would iterate the two endless generators.
    expect(a === b).toBe(false);
    a.next(1);
    expect(b.next(9)).toEqual({ value: 9, done: false });
  });

  it('returns the generator itself, with its types', () => {
    const newAverager = primed(averager);
    expectTypeOf(newAverager).toEqualTypeOf<() => Generator<number | undefined, never, number>>();
    expectTypeOf(primed(gen)).parameters.toEqualTypeOf<
      [start?: number, log?: (line: string) => void]
    >();
    const avg = newAverager();
    expect(avg[Symbol.iterator]() === avg).toBe(true);
    expect(Object.prototype.toString.call(avg)).toBe('[object Generator]');
  });

  it('lets an error thrown before the first yield out of the call', () => {
    class Broken extends Error {}
    function* broken(): Generator<number, void, number> {
      throw new Broken('no first yield');
    }
    const make = primed(broken);
    expect(() => make()).toThrow(Broken);
  });
});
