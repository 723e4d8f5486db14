import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { counted, later, watch, within } from '../../lib/async-testing.ts';
// Tasks 1 to 5 live in streamer.suite.ts, shared with exercise 16, which must pass them as an
// async function*. The '../15-async-streamer-class/' path keeps KATA_DIR from redirecting it.
import { streamerSuite } from '../15-async-streamer-class/streamer.suite.ts';
import * as kata from './async-streamer-class';

const suite = streamerSuite({ recv: kata.recv, open: (o) => new kata.AsyncDataStreamer(o) });

describe('1. Simulate a slow read', suite.simulateASlowRead);

describe('2. Stream the chunks', suite.streamTheChunks);

describe('3. Queue overlapping calls', suite.queueOverlappingCalls);

describe('4. Release the source once', suite.releaseTheSourceOnce);

describe('5. Behave like a native async generator', suite.behaveLikeANativeAsyncGenerator);

describe('6. Cancel a read in flight', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const DONE = { value: undefined, done: true };
  const slowRecv = () =>
    counted((no: number, size: number) => later(1_000, `[chunk ${no} (${size})]`));

  it('return() during a read answers done at once, and so does the pending next()', async () => {
    const release = vi.fn();
    const stream = new kata.AsyncDataStreamer({ recv: slowRecv(), release });
    const pending = watch(stream.next());
    await vi.advanceTimersByTimeAsync(10);
    await expect(within(stream.return(), 0, 'return() during a read')).resolves.toEqual(DONE);
    await within(Promise.resolve());
    expect(pending.state).toBe('fulfilled');
    expect(pending.value).toEqual(DONE);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('answers done to the calls queued behind the read, and reads nothing more', async () => {
    const recv = slowRecv();
    const stream = new kata.AsyncDataStreamer({ recv });
    const calls = [stream.next(), stream.next(), stream.next()].map((p) => watch(p));
    await vi.advanceTimersByTimeAsync(10);
    await within(stream.return());
    expect(calls.map((c) => c.value)).toEqual([DONE, DONE, DONE]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(recv.calls).toHaveLength(1);
  });

  it('drops the chunk that arrives after return(), and releases only once', async () => {
    const release = vi.fn();
    const recv = slowRecv();
    const stream = new kata.AsyncDataStreamer({ recv, release });
    const pending = watch(stream.next());
    await within(stream.return());
    await vi.advanceTimersByTimeAsync(2_000);
    expect(pending.value).toEqual(DONE);
    await expect(within(stream.next())).resolves.toEqual(DONE);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('closes even when the read never answers', async () => {
    const release = vi.fn();
    const stream = new kata.AsyncDataStreamer({
      recv: () => new Promise<string>(() => {}),
      release,
    });
    const pending = watch(stream.next());
    await expect(
      within(stream.return(), 0, 'return() behind a read that never answers'),
    ).resolves.toEqual(DONE);
    await within(Promise.resolve());
    expect(pending.value).toEqual(DONE);
    expect(release).toHaveBeenCalledTimes(1);
  });
});
