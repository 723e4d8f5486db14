import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectRealGenerator } from '../../lib/testing.ts';
import { coro, run, step } from './co-runner';

/** A log that keeps its lines for the assertions. */
function logger(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

/** Whether a promise has settled yet, read after the microtasks queued so far have run. */
function watch<T>(promise: Promise<T>): { readonly settled: boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return {
    get settled() {
      return settled;
    },
  };
}

/**
 * `promise` itself once it has settled, or a failure at once if it is still pending after 1,000
 * microtasks. Every promise the tests of tasks 4 and 5 yield is settled already, so a working run()
 * settles within a few microtasks; one that lets an error escape from a resumption (a `throw()` or
 * `next()` outside its `try`) leaves its promise pending for ever, and this fails the test right
 * away instead of at the test timeout. It counts microtasks, not time.
 */
async function settled<T>(promise: Promise<T>): Promise<T> {
  const state = watch(promise);
  for (let i = 0; i < 1_000 && !state.settled; i++) await null;
  if (!state.settled) {
    throw new Error(
      'run() never settled: an error escaped a resumption, outside the try that should reject it',
    );
  }
  return promise;
}

describe('1. Drive step and coro by hand', () => {
  it('step and coro return a new, real generator object on each call', () => {
    expectRealGenerator(step, 'step', () => step(() => {}));
    expectRealGenerator(coro, 'coro', () => coro(() => {}));
  });

  it('step yields 0, 1, 2, ... and logs each value it is sent', () => {
    const { lines, log } = logger();
    const s = step(log);
    expect(s.next()).toEqual({ value: 0, done: false });
    expect(s.next('first')).toEqual({ value: 1, done: false });
    expect(s.next('second')).toEqual({ value: 2, done: false });
    expect(lines).toEqual(['Step got value first', 'Step got value second']);
  });

  it("coro replays the post's send() session: every value reaches step", () => {
    const { lines, log } = logger();
    const c = coro(log);
    expect(c.next()).toEqual({ value: 0, done: false });
    expect(lines).toEqual([]);
    expect(c.next('first')).toEqual({ value: 1, done: false });
    expect(lines).toEqual(['Step got value first']);
    expect(c.next('second')).toEqual({ value: 2, done: false });
    expect(c.next('third')).toEqual({ value: 3, done: false });
    expect(lines).toEqual([
      'Step got value first',
      'Step got value second',
      'Step got value third',
    ]);
  });

  it('drops the value of the first next(), as every generator does', () => {
    const { lines, log } = logger();
    const c = coro(log);
    expect(c.next('nobody hears this')).toEqual({ value: 0, done: false });
    expect(c.next('x')).toEqual({ value: 1, done: false });
    expect(lines).toEqual(['Step got value x']);
  });

  it('runs nothing before the first next()', () => {
    const { lines, log } = logger();
    coro(log);
    step(log);
    expect(lines).toEqual([]);
  });

  it('never finishes, so nothing after the delegation ever logs', () => {
    const { lines, log } = logger();
    const c = coro(log);
    c.next();
    let last: IteratorResult<number> = { value: 0, done: false };
    for (let i = 0; i < 1_000; i++) last = c.next(i);
    expect(last).toEqual({ value: 1_000, done: false });
    expect(lines.length).toBe(1_000);
    expect(lines.every((line, i) => line === `Step got value ${i}`)).toBe(true);
  });

  it('hands a throw() on to step, which does not catch it', () => {
    const { log } = logger();
    const c = coro(log);
    c.next();
    const error = new Error('stop stepping');
    expect(() => c.throw(error)).toThrow(error);
    expect(c.next('late')).toEqual({ value: undefined, done: true });
  });
});

describe('2. Run a generator to its end', () => {
  it("returns a Promise of the generator's return value", async () => {
    const p = run(function* () {
      return 'done';
    });
    expect(p).toBeInstanceOf(Promise);
    await expect(p).resolves.toBe('done');
  });

  it('passes the extra arguments to the generator function', async () => {
    const p = run(
      function* (a: number, b: string) {
        return `${b}${a}`;
      },
      7,
      'agent ',
    );
    await expect(p).resolves.toBe('agent 7');
  });

  it('runs the body at once, up to the first yield, as an async function does', () => {
    const seen: string[] = [];
    void run(function* () {
      seen.push('started');
      yield Promise.resolve();
      seen.push('resumed');
    });
    expect(seen).toEqual(['started']);
  });

  it('goes through every yield before it settles', async () => {
    const seen: number[] = [];
    const p = run(function* () {
      for (let i = 0; i < 5; i++) seen.push(yield Promise.resolve(i));
      return seen.length;
    });
    await expect(p).resolves.toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets the generator call another one with yield*, as await calls an async function', async () => {
    function* double(n: number): Generator<unknown, number, any> {
      const x: number = yield Promise.resolve(n);
      return x * 2;
    }
    const p = run(function* () {
      const a: number = yield* double(3);
      const b: number = yield* double(a);
      return b;
    });
    await expect(p).resolves.toBe(12);
  });
});

describe('3. Resume with what was awaited', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resumes with the value a yielded promise resolves to', async () => {
    const p = run(function* () {
      const a: number = yield Promise.resolve(2);
      const b: number = yield Promise.resolve(3);
      return a * b;
    });
    await expect(p).resolves.toBe(6);
  });

  it('gives a yielded plain value back as it is, as await does', async () => {
    const p = run(function* () {
      const a: unknown = yield 5;
      const b: unknown = yield 'text';
      const c: unknown = yield undefined;
      return [a, b, c];
    });
    await expect(p).resolves.toEqual([5, 'text', undefined]);
  });

  it('resumes on a later microtask, never synchronously, even for a plain value', async () => {
    const seen: string[] = [];
    const p = run(function* () {
      seen.push('before');
      const x: unknown = yield 'plain';
      seen.push(`after ${x}`);
      return x;
    });
    expect(seen).toEqual(['before']);
    await expect(p).resolves.toBe('plain');
    expect(seen).toEqual(['before', 'after plain']);
  });

  it('adopts a thenable, as await does', async () => {
    const thenable = {
      then(onFulfilled: (value: string) => void) {
        onFulfilled('from a thenable');
      },
    };
    let got: unknown;
    const p = run(function* () {
      got = yield thenable;
      return got;
    });
    await expect(p).resolves.toBe('from a thenable');
    expect(got).toBe('from a thenable');
  });

  it('waits for a timer before it resumes (fake timers)', async () => {
    vi.useFakeTimers();
    const sleep = <T>(ms: number, value: T) =>
      new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
    const seen: string[] = [];
    const p = run(function* () {
      seen.push(yield sleep(1_000, 'a'));
      seen.push(yield sleep(500, 'b'));
      return seen.join('');
    });
    const state = watch(p);
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(499);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled).toBe(true);
    await expect(p).resolves.toBe('ab');
  });

  it('yields 100,000 plain values without growing the stack', async () => {
    const p = run(function* () {
      let total = 0;
      for (let i = 0; i < 100_000; i++) total += (yield i) as number;
      return total;
    });
    await expect(p).resolves.toBe(4_999_950_000);
  });
});

describe('4. Throw rejections back in', () => {
  it('throws the rejection reason into the generator at its yield', async () => {
    const p = run(function* () {
      try {
        yield Promise.reject(new Error('nope'));
        return 'not caught';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    });
    await expect(settled(p)).resolves.toBe('caught nope');
  });

  it('carries on after a caught rejection', async () => {
    const p = run(function* () {
      let failures = 0;
      try {
        yield Promise.reject(new Error('first try'));
      } catch {
        failures += 1;
      }
      const value: number = yield Promise.resolve(40);
      return value + failures + 1;
    });
    await expect(settled(p)).resolves.toBe(42);
  });

  it('rejects with the very reason when the generator does not catch it', async () => {
    const reason = new Error('unhandled');
    const p = run(function* () {
      yield Promise.reject(reason);
      return 'not reached';
    });
    await expect(settled(p)).rejects.toBe(reason);
  });

  it('rejects with a reason that is not an Error as it is', async () => {
    const p = run(function* () {
      yield Promise.reject('just a string');
    });
    await expect(settled(p)).rejects.toBe('just a string');
  });

  it("runs the generator's finally before the promise rejects", async () => {
    const seen: string[] = [];
    const p = run(function* () {
      try {
        yield Promise.reject(new Error('gone'));
      } finally {
        seen.push('finally');
      }
    });
    await expect(settled(p)).rejects.toThrow('gone');
    expect(seen).toEqual(['finally']);
  });
});

describe('5. Never throw from run()', () => {
  it('rejects, and does not throw, when the body throws before its first yield', async () => {
    const error = new Error('at once');
    let p: Promise<unknown> | undefined;
    expect(() => {
      p = run(function* () {
        throw error;
      });
    }).not.toThrow();
    expect(p).toBeInstanceOf(Promise);
    await expect(settled(p as Promise<unknown>)).rejects.toBe(error);
  });

  it('rejects when the body throws after a resumption', async () => {
    const p = run(function* () {
      const x: number = yield Promise.resolve(1);
      if (x === 1) throw new RangeError('after the yield');
      return x;
    });
    await expect(settled(p)).rejects.toThrow(RangeError);
  });

  it('rejects when the body throws again while handling a rejection', async () => {
    const p = run(function* () {
      try {
        yield Promise.reject(new Error('first'));
      } catch (error) {
        throw new Error(`second, after ${(error as Error).message}`);
      }
    });
    await expect(settled(p)).rejects.toThrow('second, after first');
  });
});
