// The behaviour tests of exercises 15 (the streamer as a class) and 16 (the same as an async
// function*). Both test files pass in the learner's module, so one suite pins both.
//
// Import it with a path that does not start with './' (`../15-async-streamer-class/streamer.suite.ts`):
// the KATA_DIR plugin redirects './' imports of a test file to the learner's folder, and this file
// lives only here. It never imports learner code itself: it receives it as `kata`.
import { fc, test } from '../../lib/property.ts';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { counted, flush, later, watch, within } from '../../lib/async-testing.ts';

/** What both streamers take: the post's constants, and the parts a test swaps out. */
export interface StreamerOptions {
  /** How many chunks to read (the post's LIMIT, 10). */
  limit?: number;
  /** The size of each read (the post's CHUNK_SIZE, 1024). */
  chunkSize?: number;
  /** Where the chunks come from: `recv` unless a test passes its own. */
  recv?: (no: number, size: number) => Promise<string>;
  /** Called once when a stream that has started reading ends, fails or is closed. */
  release?: () => void;
}

/** A stream of chunks, as both exercises hand it out. */
export type Stream = AsyncIterableIterator<string, undefined> & {
  return(value?: undefined): Promise<IteratorResult<string, undefined>>;
};

/** What the suite needs from exercise 15 or 16. */
export interface StreamerKata {
  recv(no: number, size: number): Promise<string>;
  open(options?: StreamerOptions): Stream;
}

const DONE = { value: undefined, done: true };
const chunk = (no: number, size = 1024) => `[chunk ${no} (${size})]`;
const chunkResult = (no: number, size = 1024) => ({ value: chunk(no, size), done: false });

/** A recv that answers after `delay(no)` ms of fake time, and counts its calls in flight. */
function fakeRecv(delay: (no: number) => number = () => 100) {
  return counted((no: number, size: number) => later(delay(no), chunk(no, size)));
}

/** A release() that counts its calls. */
function releaseSpy() {
  return vi.fn<() => void>();
}

function fakeTimers() {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Every chunk of `stream`, read with for await, within `ms` of fake time. */
async function readAll(stream: Stream, ms: number, max = 100): Promise<string[]> {
  const got: string[] = [];
  const reading = (async () => {
    for await (const read of stream) {
      got.push(read);
      if (got.length > max) throw new Error(`more than ${max} chunks: the stream does not end`);
    }
  })();
  await within(reading, ms, 'reading the whole stream');
  return got;
}

/** The post's constants, as a native async generator: the model the property test compares with. */
async function* model({
  limit = 10,
  chunkSize = 1024,
  recv,
  release = () => {},
}: StreamerOptions): AsyncGenerator<string, undefined> {
  try {
    for (let no = 0; no < limit; no++) yield await recv!(no, chunkSize);
  } finally {
    release();
  }
  return undefined;
}

/** What a run of calls did, as the property test compares it. */
interface Trace {
  answers: string[];
  recvCalls: number[];
  releases: number;
  maxInFlight: number;
}

/** Plays `steps` on a stream: a number n is n overlapping next() calls, 'return' one return(). */
async function play(
  open: (options: StreamerOptions) => Stream,
  limit: number,
  failAt: number,
  steps: (number | 'return')[],
): Promise<Trace> {
  const answers: string[] = [];
  let releases = 0;
  // Answers on a microtask, no timers: the property runs many cases without fake time.
  const recv = counted(async (no: number, size: number) => {
    await null;
    if (no === failAt) throw new Error(`read ${no} failed`);
    return chunk(no, size);
  });
  const stream = open({ limit, recv, release: () => (releases += 1) });
  const show = (r: IteratorResult<string, undefined>) => (r.done ? 'done' : r.value);
  for (const step of steps) {
    const calls =
      step === 'return' ? [stream.return()] : Array.from({ length: step }, () => stream.next());
    const order: string[] = [];
    calls.forEach((p, i) =>
      p.then(
        (r) => order.push(`${i}: ${show(r)}`),
        (e: Error) => order.push(`${i}: error ${e.message}`),
      ),
    );
    await flush();
    if (order.length < calls.length) order.push('still pending');
    answers.push(order.join(', '));
  }
  return {
    answers,
    recvCalls: recv.calls.map(([no]) => no),
    releases,
    maxInFlight: recv.maxInFlight,
  };
}

export function streamerSuite(kata: StreamerKata) {
  return {
    simulateASlowRead() {
      fakeTimers();

      it("resolves the post's chunk text after 0.4 s per 512 bytes, not before", async () => {
        const read = watch(kata.recv(3, 1024));
        await vi.advanceTimersByTimeAsync(799);
        expect(read.state).toBe('pending');
        await vi.advanceTimersByTimeAsync(1);
        expect(read.state).toBe('fulfilled');
        expect(read.value).toBe('[chunk 3 (1024)]');
      });

      it('takes time in whole steps of 512 bytes', async () => {
        const big = watch(kata.recv(0, 2047));
        await vi.advanceTimersByTimeAsync(1_199);
        expect(big.state).toBe('pending');
        await vi.advanceTimersByTimeAsync(1);
        expect(big.value).toBe('[chunk 0 (2047)]');
      });

      it('answers a read under 512 bytes on a timer of 0 ms, never synchronously', async () => {
        const small = kata.recv(7, 100);
        expect(small).toBeInstanceOf(Promise);
        await expect(within(small, 0, 'recv(7, 100)')).resolves.toBe('[chunk 7 (100)]');
      });
    },

    streamTheChunks() {
      fakeTimers();

      it("gives the post's ten chunks of 1024 bytes, in 8 s of fake time", async () => {
        const got = await readAll(kata.open(), 8_000);
        expect(got).toEqual(Array.from({ length: 10 }, (_, no) => chunk(no)));
      });

      it('takes its limit and chunk size from the options', async () => {
        const got = await readAll(kata.open({ limit: 3, chunkSize: 2048 }), 4_800);
        expect(got).toEqual([chunk(0, 2048), chunk(1, 2048), chunk(2, 2048)]);
      });

      it('is its own async iterator, and next() returns a Promise', async () => {
        const stream = kata.open({ limit: 1, recv: fakeRecv() });
        expect(stream[Symbol.asyncIterator]()).toBe(stream);
        const first = stream.next();
        expect(first).toBeInstanceOf(Promise);
        await expect(within(first, 100)).resolves.toEqual(chunkResult(0));
      });

      it('reads nothing before the first next()', async () => {
        const recv = fakeRecv();
        kata.open({ recv });
        await vi.advanceTimersByTimeAsync(1_000);
        expect(recv.calls).toEqual([]);
      });

      it('reads one chunk per next(), asking recv for chunk no and size in order', async () => {
        const recv = fakeRecv();
        const stream = kata.open({ recv, chunkSize: 512 });
        await within(stream.next(), 100);
        expect(recv.calls).toEqual([[0, 512]]);
        await within(stream.next(), 100);
        expect(recv.calls).toEqual([
          [0, 512],
          [1, 512],
        ]);
      });

      it('answers done after the last chunk, for good, without reading again', async () => {
        const recv = fakeRecv();
        const stream = kata.open({ limit: 2, recv });
        await within(stream.next(), 100);
        await within(stream.next(), 100);
        for (let i = 0; i < 3; i++) await expect(within(stream.next())).resolves.toEqual(DONE);
        expect(recv.calls).toHaveLength(2);
      });

      it('with a limit of 0 answers done at once', async () => {
        const recv = fakeRecv();
        await expect(within(kata.open({ limit: 0, recv }).next())).resolves.toEqual(DONE);
        expect(recv.calls).toEqual([]);
      });
    },

    queueOverlappingCalls() {
      fakeTimers();

      it('gives chunks 0, 1, 2 to three next() calls made at once, in call order', async () => {
        const stream = kata.open({ recv: fakeRecv() });
        const all = Promise.all([stream.next(), stream.next(), stream.next()]);
        await expect(within(all, 300, 'three overlapping next()')).resolves.toEqual([
          chunkResult(0),
          chunkResult(1),
          chunkResult(2),
        ]);
      });

      it('reads one chunk at a time: the next read starts when the last one is done', async () => {
        const recv = fakeRecv();
        const stream = kata.open({ recv });
        const calls = [stream.next(), stream.next(), stream.next()].map((p) => watch(p));
        await flush();
        expect(recv.calls).toHaveLength(1);
        await vi.advanceTimersByTimeAsync(100);
        expect(calls.map((c) => c.state)).toEqual(['fulfilled', 'pending', 'pending']);
        expect(recv.calls).toHaveLength(2);
        await vi.advanceTimersByTimeAsync(200);
        expect(calls.map((c) => c.state)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
        expect(recv.maxInFlight).toBe(1);
      });

      it('settles the calls in call order, even when a later read is quicker', async () => {
        const stream = kata.open({ recv: fakeRecv((no) => [300, 20, 1][no]!) });
        const order: string[] = [];
        const calls = [0, 1, 2].map((i) =>
          stream.next().then((r) => order.push(`${i}: ${r.value}`)),
        );
        await within(Promise.all(calls), 321);
        expect(order).toEqual([`0: ${chunk(0)}`, `1: ${chunk(1)}`, `2: ${chunk(2)}`]);
      });

      it('answers done to the calls past the end, and reads no more', async () => {
        const recv = fakeRecv();
        const stream = kata.open({ limit: 2, recv });
        const all = Promise.all([stream.next(), stream.next(), stream.next(), stream.next()]);
        await expect(within(all, 200)).resolves.toEqual([
          chunkResult(0),
          chunkResult(1),
          DONE,
          DONE,
        ]);
        expect(recv.calls).toHaveLength(2);
      });

      it('rejects the one call whose read fails; the calls behind it answer done', async () => {
        const error = new Error('connection reset');
        const recv = counted((no: number, size: number) =>
          no === 1 ? later(100, '', error) : later(100, chunk(no, size)),
        );
        const release = releaseSpy();
        const stream = kata.open({ recv, release });
        const calls = [stream.next(), stream.next(), stream.next()].map((p) => watch(p));
        await vi.advanceTimersByTimeAsync(200);
        await flush();
        expect(calls.map((c) => c.state)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(calls[1]!.reason).toBe(error);
        expect(calls[2]!.value).toEqual(DONE);
        await expect(within(stream.next())).resolves.toEqual(DONE);
        expect(recv.calls).toHaveLength(2);
        expect(release).toHaveBeenCalledTimes(1);
      });
    },

    releaseTheSourceOnce() {
      fakeTimers();

      it('releases once, when next() finds the end', async () => {
        const release = releaseSpy();
        const stream = kata.open({ limit: 1, recv: fakeRecv(), release });
        await within(stream.next(), 100);
        await expect(within(stream.next())).resolves.toEqual(DONE);
        await within(stream.next());
        await within(stream.return());
        expect(release).toHaveBeenCalledTimes(1);
      });

      it('return() answers done and releases once; later calls read nothing', async () => {
        const recv = fakeRecv();
        const release = releaseSpy();
        const stream = kata.open({ recv, release });
        await within(stream.next(), 100);
        await expect(within(stream.return())).resolves.toEqual(DONE);
        expect(release).toHaveBeenCalledTimes(1);
        await expect(within(stream.next(), 1_000)).resolves.toEqual(DONE);
        expect(recv.calls).toHaveLength(1);
      });

      it('return() twice releases once, and both answer done', async () => {
        const release = releaseSpy();
        const stream = kata.open({ recv: fakeRecv(), release });
        await within(stream.next(), 100);
        await expect(within(stream.return())).resolves.toEqual(DONE);
        await expect(within(stream.return())).resolves.toEqual(DONE);
        expect(release).toHaveBeenCalledTimes(1);
      });

      it('return() before the first next() reads nothing and releases nothing', async () => {
        const recv = fakeRecv();
        const release = releaseSpy();
        const stream = kata.open({ recv, release });
        await expect(within(stream.return())).resolves.toEqual(DONE);
        await expect(within(stream.next(), 1_000)).resolves.toEqual(DONE);
        expect(recv.calls).toEqual([]);
        expect(release).not.toHaveBeenCalled();
      });

      it('break out of for await releases once and reads no more', async () => {
        const recv = fakeRecv();
        const release = releaseSpy();
        const got: string[] = [];
        const loop = (async () => {
          for await (const read of kata.open({ recv, release })) {
            got.push(read);
            if (got.length === 2) break;
          }
        })();
        await within(loop, 200, 'the for await loop');
        await vi.advanceTimersByTimeAsync(1_000);
        expect(got).toEqual([chunk(0), chunk(1)]);
        expect(recv.calls).toHaveLength(2);
        expect(release).toHaveBeenCalledTimes(1);
      });
    },

    behaveLikeANativeAsyncGenerator() {
      // Plays random runs of calls against the learner's stream and against `model` above, with
      // a seed fixed so a failure names the same counterexample on every run.
      const steps = fc.array(
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('return' as const)),
        {
          maxLength: 6,
        },
      );
      test.prop([fc.integer({ min: 0, max: 5 }), fc.integer({ min: -1, max: 5 }), steps], {
        seed: 525,
        numRuns: 60,
      })(
        'answers, reads and releases as an async function* does, for any run of calls',
        async (limit, failAt, run) => {
          const expected = await play((o) => model(o), limit, failAt, run);
          const got = await play((o) => kata.open(o), limit, failAt, run);
          expect(got).toEqual(expected);
        },
      );
    },
  };
}
