import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  counted,
  flush,
  later,
  unhandledRejectionsDuring,
  watch,
  within,
} from '../../lib/async-testing.ts';
import { expectRealAsyncGenerator } from '../../lib/testing.ts';
import { abortable, batch, filter, map, mapConcurrent, merge, take } from './async-pipelines';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** What a test source records: pulls, return() calls, and whether its finally ran. */
interface Source<T> extends AsyncIterable<T> {
  readonly pulls: number;
  readonly returns: number;
  readonly finallyRan: boolean;
}

/**
 * The tests' own source, no learner code in it: yields `values` (or 0, 1, 2, ... for a number,
 * which may be Infinity), each after `delay(i)` ms of fake time, then ends, hangs for ever, or
 * throws `end`. An endless source throws after 10,000 values, so an eager stage fails fast.
 */
function timed<T = number>(
  values: readonly T[] | number,
  delay: (i: number) => number = () => 0,
  end: 'end' | 'hang' | Error = 'end',
): Source<T> {
  const stats = { pulls: 0, returns: 0, finallyRan: false };
  const count = typeof values === 'number' ? values : values.length;
  async function* body(): AsyncGenerator<T, void, undefined> {
    try {
      for (let i = 0; i < count; i++) {
        if (i === 10_000) throw new Error('read 10,000 values of a source: something is eager');
        const ms = delay(i);
        if (ms > 0) await later(ms, null);
        yield typeof values === 'number' ? (i as T) : values[i]!;
      }
      if (end === 'hang') await new Promise(() => {});
      if (end instanceof Error) throw end;
    } finally {
      stats.finallyRan = true;
    }
  }
  return Object.assign(stats, {
    [Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
      const it = body();
      return {
        next: () => {
          stats.pulls += 1;
          return it.next();
        },
        return: () => {
          stats.returns += 1;
          return it.return();
        },
      };
    },
  });
}

/** Every value of `iterable` within `ms` of fake time; fails past `max` values. */
async function collect<T>(iterable: AsyncIterable<T>, ms = 0, max = 1_000): Promise<T[]> {
  const got: T[] = [];
  const reading = (async () => {
    for await (const value of iterable) {
      got.push(value);
      if (got.length > max) throw new Error(`more than ${max} values: the stage does not stop`);
    }
  })();
  await within(reading, ms, 'reading the stage to its end');
  return got;
}

/** Takes `n` values with for await, then breaks out of the loop. */
async function takeThenBreak<T>(iterable: AsyncIterable<T>, n: number, ms = 0): Promise<T[]> {
  const got: T[] = [];
  const reading = (async () => {
    for await (const value of iterable) {
      got.push(value);
      if (got.length === n) break;
    }
  })();
  await within(reading, ms, `taking ${n} values, then break`);
  return got;
}

const DONE = { value: undefined, done: true };

/** `source` seen through an iterator with only `next()`: the protocol makes `return()` optional. */
function withoutReturn<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const it = source[Symbol.asyncIterator]();
      return { next: () => it.next() };
    },
  };
}

/** A source of 0, 1, 2, ... whose cleanup takes `ms` of fake time; `closed` once it is over. */
function slowToClose(ms: number): AsyncIterable<number> & { readonly closed: boolean } {
  const state = { closed: false };
  return Object.assign(state, {
    async *[Symbol.asyncIterator]() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        await later(ms, null);
        state.closed = true;
      }
    },
  });
}

describe('1. Map, filter and take', () => {
  it('each call returns a new, real async generator object', () => {
    expectRealAsyncGenerator(map, 'map', () => map(timed(2), (x) => x));
    expectRealAsyncGenerator(filter, 'filter', () => filter(timed(2), () => true));
    expectRealAsyncGenerator(take, 'take', () => take(timed(2), 1));
  });

  it('map passes each value through fn, waiting for an async fn, in order', async () => {
    const got = await collect(
      map(timed(4), (x) => later(10 * (4 - x), x * 10)),
      100,
    );
    expect(got).toEqual([0, 10, 20, 30]);
  });

  it('map pulls nothing before the first next(), then one value per next()', async () => {
    const src = timed(Infinity);
    const mapped = map(src, (x) => x + 1);
    await flush();
    expect(src.pulls).toBe(0);
    await expect(within(mapped.next())).resolves.toEqual({ value: 1, done: false });
    await expect(within(mapped.next())).resolves.toEqual({ value: 2, done: false });
    expect(src.pulls).toBe(2);
  });

  it('filter keeps the values whose predicate, sync or async, answers true', async () => {
    expect(await collect(filter(timed(10), (x) => x % 2 === 0))).toEqual([0, 2, 4, 6, 8]);
    expect(
      await collect(
        filter(timed(10), (x) => later(5, x > 6)),
        100,
      ),
    ).toEqual([7, 8, 9]);
  });

  it('take pulls exactly n values, then closes the source', async () => {
    const src = timed(Infinity);
    expect(await collect(take(src, 3))).toEqual([0, 1, 2]);
    expect(src.pulls).toBe(3);
    expect(src.finallyRan).toBe(true);
  });

  it('take(0) pulls nothing, and take of a short source ends with it', async () => {
    const src = timed(Infinity);
    expect(await collect(take(src, 0))).toEqual([]);
    expect(src.pulls).toBe(0);
    expect(await collect(take(timed(2), 5))).toEqual([0, 1]);
  });

  it('break out of map or filter closes the source', async () => {
    const a = timed(Infinity);
    expect(
      await takeThenBreak(
        map(a, (x) => x * 2),
        2,
      ),
    ).toEqual([0, 2]);
    expect(a.finallyRan).toBe(true);
    const b = timed(Infinity);
    expect(
      await takeThenBreak(
        filter(b, (x) => x > 2),
        1,
      ),
    ).toEqual([3]);
    expect(b.finallyRan).toBe(true);
    expect(b.pulls).toBe(4);
  });

  it('an error thrown by fn rejects that next() and closes the source', async () => {
    const error = new Error('bad value');
    const src = timed(Infinity);
    const mapped = map(src, (x) => {
      if (x === 1) throw error;
      return x;
    });
    await within(mapped.next());
    await expect(within(mapped.next())).rejects.toBe(error);
    expect(src.finallyRan).toBe(true);
    await expect(within(mapped.next())).resolves.toEqual(DONE);
  });

  it('composes: the first three even squares of an endless source read five values', async () => {
    const src = timed(Infinity);
    const squares = map(src, async (x) => x * x);
    expect(
      await collect(
        take(
          filter(squares, (x) => x % 2 === 0),
          3,
        ),
      ),
    ).toEqual([0, 4, 16]);
    expect(src.pulls).toBe(5);
    expect(src.finallyRan).toBe(true);
  });
});

describe('2. Batch by size and time', () => {
  it('yields full batches of size, and the rest when the source ends', async () => {
    expect(await collect(batch(timed(7), 3, 1_000))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('yields what came once timeoutMs has passed since the batch’s first value', async () => {
    const batches = batch(
      timed(2, (i) => [0, 50][i]!, 'hang'),
      5,
      100,
    );
    const first = watch(batches.next());
    await vi.advanceTimersByTimeAsync(99);
    expect(first.state).toBe('pending');
    await within(Promise.resolve(), 1);
    expect(first.value).toEqual({ value: [0, 1], done: false });
  });

  it('counts the timeout from the batch’s first value, not from the call', async () => {
    const batches = batch(
      timed(1, () => 500, 'hang'),
      5,
      100,
    );
    const first = watch(batches.next());
    await vi.advanceTimersByTimeAsync(599);
    expect(first.state).toBe('pending');
    await within(Promise.resolve(), 1);
    expect(first.value).toEqual({ value: [0], done: false });
  });

  it('never yields an empty batch, however long the source is quiet', async () => {
    const batches = batch(
      timed(0, () => 0, 'hang'),
      5,
      100,
    );
    const first = watch(batches.next());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.state).toBe('pending');
    expect(await collect(batch(timed(0), 5, 100))).toEqual([]);
  });

  it('reads no further ahead than one batch', async () => {
    const src = timed(Infinity);
    const batches = batch(src, 3, 100);
    await expect(within(batches.next())).resolves.toEqual({ value: [0, 1, 2], done: false });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(src.pulls).toBe(3);
    await within(batches.next());
    expect(src.pulls).toBe(6);
  });

  it('keeps the value whose pull was pending when the timeout struck, for the next batch', async () => {
    const src = timed(3, (i) => [0, 150, 0][i]!);
    expect(await collect(batch(src, 5, 100), 150)).toEqual([[0], [1, 2]]);
    expect(src.pulls).toBe(4);
  });

  it('leaves no timer behind after a full batch, at the end, or after a break', async () => {
    const batches = batch(
      timed(4, () => 0, 'hang'),
      2,
      1_000,
    );
    await within(batches.next());
    expect(vi.getTimerCount()).toBe(0);
    expect(await collect(batch(timed(5), 2, 1_000))).toEqual([[0, 1], [2, 3], [4]]);
    expect(vi.getTimerCount()).toBe(0);
    const src = timed(Infinity);
    expect(await takeThenBreak(batch(src, 2, 1_000), 1)).toEqual([[0, 1]]);
    expect(vi.getTimerCount()).toBe(0);
    expect(src.finallyRan).toBe(true);
  });

  it('a stop waits for the source’s cleanup, but not behind a read that is still pending', async () => {
    const src = slowToClose(10);
    const batches = batch(src, 1, 1_000);
    await within(batches.next());
    const closing = watch(batches.return());
    await flush();
    expect(closing.state).toBe('pending');
    await within(Promise.resolve(), 10);
    expect(closing.state).toBe('fulfilled');
    expect(src.closed).toBe(true);

    const hanging = batch(
      timed(1, () => 0, 'hang'),
      5,
      100,
    );
    await expect(within(hanging.next(), 100)).resolves.toEqual({ value: [0], done: false });
    await expect(within(hanging.return())).resolves.toEqual(DONE);
  });

  it('stops a source without return(), and calls no return() on a source that ended', async () => {
    expect(await takeThenBreak(batch(withoutReturn(timed(Infinity)), 2, 1_000), 1)).toEqual([
      [0, 1],
    ]);
    const src = timed(3);
    expect(await collect(batch(src, 2, 1_000))).toEqual([[0, 1], [2]]);
    expect(src.returns).toBe(0);
  });
});

describe('3. Merge every source', () => {
  it('yields values as they come, from every source, and ends when all have ended', async () => {
    const a = timed(['a0'], () => 30);
    const b = timed(['b0', 'b1'], () => 10);
    const c = timed(['c0', 'c1'], () => 25);
    expect(await collect(merge(a, b, c), 50)).toEqual(['b0', 'b1', 'c0', 'a0', 'c1']);
  });

  it('keeps each source’s own order, with empty sources and none at all', async () => {
    const got = await collect(merge(timed(['x0', 'x1', 'x2']), timed([]), timed(['y0', 'y1'])));
    expect(got.filter((v) => v.startsWith('x'))).toEqual(['x0', 'x1', 'x2']);
    expect(got.filter((v) => v.startsWith('y'))).toEqual(['y0', 'y1']);
    expect(await collect(merge())).toEqual([]);
  });

  it('break out of a merge of six sources runs the finally of all six', async () => {
    // Three are suspended at a yield with a value ready, three are busy with a slow read.
    const ready = [0, 1, 2].map((s) => timed([`r${s}.0`, `r${s}.1`]));
    const busy = [0, 1, 2].map((s) => timed([`b${s}`], () => 1_000));
    const got = await takeThenBreak(merge(...ready, ...busy), 1, 1_000);
    expect(got).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await flush();
    expect([...ready, ...busy].map((s) => s.finallyRan)).toEqual(Array(6).fill(true));
    expect([...ready, ...busy].reduce((n, s) => n + s.pulls, 0)).toBe(6);
  });

  it('rejects once with the first error, closes the others, and leaves no unhandled rejection', async () => {
    const first = new Error('first source broke');
    const second = new Error('second source broke');
    const slow = timed(['late'], () => 1_000);
    const unhandled = await unhandledRejectionsDuring(async () => {
      const merged = merge(
        timed([], () => 0, first),
        timed(['ok'], () => 20, second),
        slow,
      );
      const a = watch(merged.next());
      await vi.advanceTimersByTimeAsync(10);
      await flush();
      expect(a.state).toBe('rejected');
      expect(a.reason).toBe(first);
      await vi.advanceTimersByTimeAsync(2_000);
      await expect(within(merged.next())).resolves.toEqual(DONE);
    });
    expect(unhandled).toEqual([]);
    expect(slow.finallyRan).toBe(true);
  });

  it('stops sources without return()', async () => {
    const got = await takeThenBreak(
      merge(withoutReturn(timed(Infinity)), withoutReturn(timed(Infinity))),
      3,
    );
    expect(got).toHaveLength(3);
  });
});

describe('4. Map with bounded concurrency', () => {
  it('yields fn of every value, in source order by default', async () => {
    const got = await collect(
      mapConcurrent(timed(10), (x) => later(10 * ((x * 7) % 5), x * 2), { concurrency: 3 }),
      1_000,
    );
    expect(got).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });

  it('runs concurrency calls at once, never more: ten calls of 100 ms, three at a time, take 400 ms', async () => {
    const fn = counted((x: number) => later(100, x));
    const got = await collect(mapConcurrent(timed(10), fn, { concurrency: 3 }), 400);
    expect(got).toHaveLength(10);
    expect(fn.maxInFlight).toBe(3);
  });

  it('with ordered: false yields each result as it comes', async () => {
    const fn = (x: number) => later([30, 10, 20, 5][x]!, x);
    const got = await collect(mapConcurrent(timed(4), fn, { concurrency: 3, ordered: false }), 100);
    // Item 3 starts when item 1 is done, at 10 ms, and ends at 15 ms, before item 2.
    expect(got).toEqual([1, 3, 2, 0]);
  });

  it('keeps working past a slow item until concurrency results wait, then pulls no more', async () => {
    const src = timed(Infinity);
    const fn = counted((x: number) => later(x === 0 ? 1_000 : 10, x));
    const results = mapConcurrent(src, fn, { concurrency: 2 });
    const first = watch(results.next());
    await vi.advanceTimersByTimeAsync(500);
    // Item 0 is still running; items 1 to 3 are done and wait behind it.
    expect(first.state).toBe('pending');
    expect(fn.calls).toHaveLength(4);
    expect(src.pulls).toBe(4);
    await within(Promise.resolve(), 500);
    expect(first.value).toEqual({ value: 0, done: false });
    expect(await Promise.all([1, 2, 3].map(() => within(results.next())))).toEqual([
      { value: 1, done: false },
      { value: 2, done: false },
      { value: 3, done: false },
    ]);
    await results.return();
  });

  it('pulls a value only to start a call on it', async () => {
    const src = timed(Infinity);
    const fn = counted((x: number) => later(100, x));
    const results = mapConcurrent(src, fn, { concurrency: 4, ordered: false });
    for (let i = 0; i < 6; i++) {
      await within(results.next(), 100);
      expect(src.pulls).toBe(fn.calls.length);
      expect(fn.inFlight).toBeLessThanOrEqual(4);
    }
    await results.return();
  });

  it('after the consumer stops, pulls nothing more and calls fn no more', async () => {
    for (const ordered of [true, false]) {
      const src = timed(Infinity);
      const fn = counted((x: number) => later(100, x));
      expect(
        await takeThenBreak(mapConcurrent(src, fn, { concurrency: 3, ordered }), 1, 100),
      ).toEqual([0]);
      const [pulls, calls] = [src.pulls, fn.calls.length];
      await vi.advanceTimersByTimeAsync(10_000);
      expect([src.pulls, fn.calls.length]).toEqual([pulls, calls]);
      expect(calls).toBeLessThanOrEqual(6);
      expect(src.finallyRan).toBe(true);
    }
  });

  it('surfaces the first error once; a second failing call is never an unhandled rejection', async () => {
    const errors = [new Error('call 0 failed'), new Error('call 1 failed')];
    for (const ordered of [true, false]) {
      const src = timed(Infinity);
      // Call 0 fails at 10 ms, call 1 at 20 ms while nobody waits for it; call 2 ends at 50 ms.
      const fn = counted((x: number) => (x < 2 ? later(10 * (x + 1), x, errors[x]) : later(50, x)));
      const unhandled = await unhandledRejectionsDuring(async () => {
        const results = mapConcurrent(src, fn, { concurrency: 3, ordered });
        const first = watch(results.next());
        await vi.advanceTimersByTimeAsync(10);
        await flush();
        expect(first.state).toBe('rejected');
        expect(first.reason).toBe(errors[0]);
        await vi.advanceTimersByTimeAsync(1_000);
        await expect(within(results.next())).resolves.toEqual(DONE);
      });
      expect(unhandled).toEqual([]);
      expect(fn.calls).toHaveLength(3);
      expect(src.finallyRan).toBe(true);
    }
  });

  it('runs one call at a time with concurrency 1', async () => {
    const fn = counted((x: number) => later(10, x * 2));
    expect(await collect(mapConcurrent(timed(4), fn, { concurrency: 1 }), 40)).toEqual([
      0, 2, 4, 6,
    ]);
    expect(fn.maxInFlight).toBe(1);
  });

  it('stops a source without return(), and calls no return() on a source that ended', async () => {
    expect(
      await takeThenBreak(
        mapConcurrent(withoutReturn(timed(Infinity)), (x) => x, { concurrency: 2 }),
        2,
      ),
    ).toEqual([0, 1]);
    const src = timed(3);
    expect(await collect(mapConcurrent(src, (x) => x, { concurrency: 2 }))).toEqual([0, 1, 2]);
    expect(src.returns).toBe(0);
  });

  it('rejects a concurrency below 1 with a RangeError that names it', async () => {
    await expect(async () => {
      await mapConcurrent(timed(3), (x) => x, { concurrency: 0 }).next();
    }).rejects.toThrow(/concurrency/);
    await expect(async () => {
      await mapConcurrent(timed(3), (x) => x, { concurrency: 1.5 }).next();
    }).rejects.toThrow(RangeError);
  });
});

describe('5. Cancel with an AbortSignal', () => {
  it('passes every value through while the signal is not aborted', async () => {
    const controller = new AbortController();
    expect(
      await collect(
        abortable(
          timed(3, () => 10),
          controller.signal,
        ),
        30,
      ),
    ).toEqual([0, 1, 2]);
  });

  it('rejects a pending next() at once when the signal aborts, even if the source never answers', async () => {
    const controller = new AbortController();
    const reason = new Error('user left');
    const stream = abortable(
      timed(0, () => 0, 'hang'),
      controller.signal,
    );
    const pending = watch(stream.next());
    await flush();
    expect(pending.state).toBe('pending');
    controller.abort(reason);
    await flush();
    expect(pending.state).toBe('rejected');
    expect(pending.reason).toBe(reason);
    await expect(within(stream.next())).resolves.toEqual(DONE);
  });

  it('rejects without pulling once the signal has aborted, and closes the source', async () => {
    const early = timed(Infinity);
    const reason = new Error('too late');
    await expect(within(abortable(early, AbortSignal.abort(reason)).next())).rejects.toBe(reason);
    expect(early.pulls).toBe(0);

    const controller = new AbortController();
    const src = timed(Infinity);
    const stream = abortable(src, controller.signal);
    await within(stream.next());
    controller.abort(reason);
    await expect(within(stream.next())).rejects.toBe(reason);
    expect(src.pulls).toBe(1);
    expect(src.finallyRan).toBe(true);
  });

  it('removes its abort listener when the stream ends or is closed', async () => {
    const controller = new AbortController();
    await collect(abortable(timed(2), controller.signal));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await takeThenBreak(abortable(timed(Infinity), controller.signal), 1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('stops a source without return(), and calls no return() on a source that ended', async () => {
    const signal = new AbortController().signal;
    expect(await takeThenBreak(abortable(withoutReturn(timed(Infinity)), signal), 2)).toEqual([
      0, 1,
    ]);
    const src = timed(3);
    expect(await collect(abortable(src, signal))).toEqual([0, 1, 2]);
    expect(src.returns).toBe(0);
  });

  it('leaves no timer behind when an abort ends a batch that is waiting', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const batches = batch(
      abortable(
        timed(1, () => 0, 'hang'),
        controller.signal,
      ),
      10,
      1_000,
    );
    const pending = watch(batches.next());
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(reason);
    await flush();
    expect(pending.state).toBe('rejected');
    expect(pending.reason).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });
});
