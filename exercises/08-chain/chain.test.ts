import { describe, expect, it } from 'vitest';
import { expectRealGenerator, firstN, naturals, spied } from '../../lib/testing.ts';
import { chain, chainFromIterable, flatten } from './chain';

/** An endless source for these tests: guarded at 100,000 values, so an eager solution fails fast and small. */
const endless = () => naturals(100_000);

/** An endless (guarded) iterable of iterables: [0, 0], [1, 1], [2, 2], ... */
function* endlessPairs(max = 100_000): Generator<number[], never> {
  for (const n of naturals(max)) yield [n, n];
  throw new Error('unreachable');
}

/** A source that answers `throw()`: it yields 'working', and 'recovered' if an error comes in. */
function* forgiving(): Generator<string, void, unknown> {
  try {
    yield 'working';
  } catch (err) {
    yield `recovered from ${(err as Error).message}`;
  }
}

/**
 * A source that records what next(v) sends it, and yields it back until it gets 'stop'. After 100
 * values it throws, so that a chain which reads it to the end without sending 'stop' fails fast.
 */
function* echo(received: unknown[]): Generator<string, void, unknown> {
  let got = yield 'ready';
  while (got !== 'stop') {
    if (received.length >= 100) throw new Error('echo was read 100 times without a stop');
    received.push(got);
    got = yield `got ${got}`;
  }
}

describe('1. Chain the iterables', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(chain, 'chain', () => chain([1], [2, 3]));
  });

  it('replays the post: chain2("hello", " ", "world")', () => {
    // Python's list: ['h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd']
    expect([...chain('hello', ' ', 'world')]).toEqual('hello world'.split(''));
  });

  it('chains arrays, Sets, Maps and generators in order', () => {
    function* two() {
      yield 5;
      yield 6;
    }
    const pairs = new Map([[7, 8]]);
    expect([...chain<unknown>([1, 2], new Set([3, 4]), two(), pairs)]).toEqual([
      1,
      2,
      3,
      4,
      5,
      6,
      [7, 8],
    ]);
  });

  it('yields nothing for no iterables, and skips empty ones', () => {
    expect([...chain()]).toEqual([]);
    expect([...chain<unknown>([], [1], [], '', [2], [])]).toEqual([1, 2]);
  });

  it('hands out one value per next(), then done forever', () => {
    const g = chain([1], [2]);
    expect(g.next()).toEqual({ value: 1, done: false });
    expect(g.next()).toEqual({ value: 2, done: false });
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
  });
});

describe('2. Lazy all the way', () => {
  it('opens no source before the first next()', () => {
    const a = spied([1, 2]);
    const b = spied([3]);
    chain(a, b);
    expect([a.opened, b.opened]).toEqual([0, 0]);
  });

  it('opens each source only when it is reached', () => {
    const a = spied([1, 2]);
    const b = spied([3, 4]);
    const g = chain(a, b);
    g.next();
    expect([a.opened, b.opened]).toEqual([1, 0]);
    g.next();
    expect([a.opened, b.opened]).toEqual([1, 0]);
    expect(g.next()).toEqual({ value: 3, done: false });
    expect([a.opened, b.opened]).toEqual([1, 1]);
  });

  it('reads exactly one value per next()', () => {
    const a = spied([1, 2, 3, 4]);
    const g = chain(a);
    g.next();
    g.next();
    expect(a.pulls).toBe(2);
  });

  it('opens each source once over a whole run', () => {
    const a = spied([1]);
    const b = spied([2]);
    expect([...chain(a, b)]).toEqual([1, 2]);
    expect([a.opened, b.opened]).toEqual([1, 1]);
  });

  it('takes from an endless source, and never opens the sources after it', () => {
    const after = spied([99]);
    expect(firstN(chain(endless(), after), 5)).toEqual([0, 1, 2, 3, 4]);
    expect(after.opened).toBe(0);
  });

  it('reaches an endless source placed after finite ones', () => {
    expect(firstN(chain<string | number>(['a'], [], ['b'], endless()), 4)).toEqual([
      'a',
      'b',
      0,
      1,
    ]);
  });
});

describe('3. Close only what is open', () => {
  it('closes the source in use once, and no other, on return()', () => {
    const a = spied([1]);
    const b = spied([2, 3]);
    const c = spied([4]);
    const g = chain(a, b, c);
    g.next();
    g.next();
    expect(g.return()).toEqual({ value: undefined, done: true });
    expect([a.returns, b.returns, c.returns]).toEqual([0, 1, 0]);
    expect(c.opened).toBe(0);
    g.return();
    expect(b.returns).toBe(1);
  });

  it('closes the source in use when a for-of loop breaks', () => {
    const a = spied([1, 2]);
    const b = spied([3, 4]);
    for (const x of chain(a, b)) {
      if (x === 3) break;
    }
    expect([a.returns, b.returns]).toEqual([0, 1]);
  });

  it('closes the endless source it is reading', () => {
    const src = spied(endless());
    const g = chain(src, [1]);
    g.next();
    g.return();
    expect(src.returns).toBe(1);
  });

  it('opens and closes nothing on return() before the first next()', () => {
    const a = spied([1]);
    const g = chain(a);
    g.return();
    expect([a.opened, a.returns]).toEqual([0, 0]);
    expect(g.next()).toEqual({ value: undefined, done: true });
  });

  it('closes nothing on return() after the end', () => {
    const a = spied([1]);
    const b = spied([2]);
    const g = chain(a, b);
    expect([...g]).toEqual([1, 2]);
    g.return();
    expect([a.returns, b.returns]).toEqual([0, 0]);
  });
});

describe('4. Forward, like yield from', () => {
  it('forwards next(v) to the source in use', () => {
    const received: unknown[] = [];
    const g = chain(echo(received), ['after']);
    expect(g.next('dropped')).toEqual({ value: 'ready', done: false });
    expect(g.next('a')).toEqual({ value: 'got a', done: false });
    expect(g.next(42)).toEqual({ value: 'got 42', done: false });
    expect(received).toEqual(['a', 42]);
    expect(g.next('stop')).toEqual({ value: 'after', done: false });
  });

  it('forwards throw() to the source in use, which may handle it and go on', () => {
    const g = chain(forgiving(), ['next']);
    g.next();
    expect(g.throw(new Error('oops'))).toEqual({ value: 'recovered from oops', done: false });
    expect(g.next()).toEqual({ value: 'next', done: false });
  });

  it('lets an error the source does not handle out, and ends there', () => {
    function* plain() {
      yield 'a';
    }
    const after = spied(['b']);
    const g = chain(plain(), after);
    g.next();
    const err = new Error('stop');
    expect(() => g.throw(err)).toThrow(err);
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(after.opened).toBe(0);
  });

  it('forwards return() to a generator source, so its finally runs', () => {
    const steps: string[] = [];
    function* guarded() {
      try {
        yield 1;
        yield 2;
      } finally {
        steps.push('finally');
      }
    }
    const g = chain(guarded());
    g.next();
    g.return();
    expect(steps).toEqual(['finally']);
  });
});

describe('5. Chain from an iterable', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(chainFromIterable, 'chainFromIterable', () =>
      chainFromIterable([[1], [2, 3]]),
    );
  });

  it('chains the iterables the outer iterable yields', () => {
    expect([...chainFromIterable([[1, 2], new Set([3]), [], 'ab'] as Iterable<unknown>[])]).toEqual(
      [1, 2, 3, 'a', 'b'],
    );
  });

  it('takes words from a generator and yields their letters', () => {
    function* words() {
      yield 'hi';
      yield 'yo';
    }
    expect([...chainFromIterable(words())]).toEqual(['h', 'i', 'y', 'o']);
  });

  it('reads nothing before the first next()', () => {
    const outer = spied([[1]]);
    chainFromIterable(outer);
    expect(outer.opened).toBe(0);
  });

  it('reads the outer iterable only when the current inner one is used up', () => {
    const a = spied([1, 2]);
    const b = spied([3]);
    const outer = spied([a, b]);
    const g = chainFromIterable(outer);
    g.next();
    expect([outer.pulls, a.opened, b.opened]).toEqual([1, 1, 0]);
    g.next();
    expect(outer.pulls).toBe(1);
    g.next();
    expect([outer.pulls, b.opened]).toEqual([2, 1]);
  });

  it('takes from an endless outer iterable', () => {
    expect(firstN(chainFromIterable(endlessPairs()), 5)).toEqual([0, 0, 1, 1, 2]);
  });

  it('reads the outer iterable once when the first inner one is endless', () => {
    const outer = spied<Iterable<number>>([endless(), [99]]);
    expect(firstN(chainFromIterable(outer), 3)).toEqual([0, 1, 2]);
    expect(outer.pulls).toBe(1);
  });

  it('forwards next(v) and throw() to the inner iterable in use, as chain does', () => {
    const received: unknown[] = [];
    const g = chainFromIterable<string>([echo(received), forgiving(), ['last']]);
    expect(g.next('dropped')).toEqual({ value: 'ready', done: false });
    expect(g.next('a')).toEqual({ value: 'got a', done: false });
    expect(received).toEqual(['a']);
    expect(g.next('stop')).toEqual({ value: 'working', done: false });
    expect(g.throw(new Error('oops'))).toEqual({ value: 'recovered from oops', done: false });
    expect(g.next()).toEqual({ value: 'last', done: false });
  });

  it('closes the inner iterable in use and the outer one on return(), nothing else', () => {
    const a = spied([1]);
    const b = spied([2, 3]);
    const c = spied([4]);
    const outer = spied([a, b, c]);
    const g = chainFromIterable(outer);
    g.next();
    g.next();
    g.return();
    expect([a.returns, b.returns, c.returns, outer.returns]).toEqual([0, 1, 0, 1]);
    expect(c.opened).toBe(0);
  });
});

describe('6. Flatten deeply', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(flatten, 'flatten', () => flatten([1, [2, [3]]]));
  });

  it('flattens nested arrays to any depth', () => {
    expect([...flatten([1, [2, [3, [4, [5, [6]]]]], 7])]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps strings whole, at every level', () => {
    expect([...flatten(['ab', ['cd', ['e', '']]])]).toEqual(['ab', 'cd', 'e', '']);
  });

  it('yields numbers, null, undefined and plain objects as they are', () => {
    const obj = { a: 1 };
    expect([...flatten([0, null, [undefined, obj], [false]])]).toEqual([
      0,
      null,
      undefined,
      obj,
      false,
    ]);
  });

  it('opens any iterable: Sets, Maps, generators', () => {
    function* inner() {
      yield 3;
      yield [4];
    }
    const nested = [new Set([1, [2]]), inner(), new Map([['k', 'v']])];
    expect([...flatten(nested)]).toEqual([1, 2, 3, 4, 'k', 'v']);
  });

  it('skips empty iterables at any level', () => {
    expect([...flatten([[], [[]], [[], [1, []]], new Set()])]).toEqual([1]);
  });

  it('opens depth levels below items, like Array.prototype.flat', () => {
    const nested = [1, [2, [3, [4]]]];
    expect([...flatten(nested, 1)]).toEqual(nested.flat(1));
    expect([...flatten(nested, 2)]).toEqual(nested.flat(2));
    expect([...flatten(nested, 1)]).toEqual([1, 2, [3, [4]]]);
  });

  it('yields the values of items unchanged with depth 0', () => {
    const inner = [2, [3]];
    const out = [...flatten([1, inner], 0)];
    expect(out).toEqual([1, [2, [3]]]);
    expect(out[1]).toBe(inner);
  });

  it('reads one value per next(), at every level', () => {
    const inner = spied([2, 3]);
    const outer = spied<unknown>([1, inner, 4]);
    const g = flatten(outer);
    expect(outer.opened).toBe(0);
    expect(g.next().value).toBe(1);
    expect([outer.pulls, inner.opened]).toEqual([1, 0]);
    expect(g.next().value).toBe(2);
    expect([outer.pulls, inner.pulls]).toEqual([2, 1]);
    expect(g.next().value).toBe(3);
    expect([outer.pulls, inner.pulls]).toEqual([2, 2]);
    expect(g.next().value).toBe(4);
    expect([outer.pulls, inner.pulls]).toEqual([3, 3]);
  });

  it('flattens an endless nesting lazily', () => {
    // A small guard: an eager flatten would otherwise build millions of nested arrays first.
    function* deeper(): Generator<unknown, never> {
      for (const n of naturals(100_000)) yield [n, [n * 10]];
      throw new Error('unreachable');
    }
    expect(firstN(flatten(deeper()), 6)).toEqual([0, 0, 1, 10, 2, 20]);
  });

  it('closes every level it is in on return(), and nothing else', () => {
    const done = spied([1]);
    const inner = spied([2, 3]);
    const later = spied([4]);
    const outer = spied<unknown>([done, inner, later]);
    const g = flatten(outer);
    g.next();
    g.next();
    g.return();
    expect([done.returns, inner.returns, outer.returns, later.opened]).toEqual([0, 1, 1, 0]);
  });
});
