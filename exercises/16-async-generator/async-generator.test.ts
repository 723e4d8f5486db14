import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { counted, later, watch, within } from '../../lib/async-testing.ts';
// Tasks 1 to 5 are exercise 15's suite, unchanged: the async function* must behave exactly like
// the class. The '../15-async-streamer-class/' path keeps KATA_DIR from redirecting it.
import { streamerSuite } from '../15-async-streamer-class/streamer.suite.ts';
import * as kata from './async-generator';

const suite = streamerSuite({ recv: kata.recv, open: (o) => kata.asyncDataStreamer(o) });

describe('1. Simulate a slow read', suite.simulateASlowRead);

describe('2. Stream the chunks', suite.streamTheChunks);

describe('3. Queue overlapping calls', suite.queueOverlappingCalls);

describe('4. Release the source once', suite.releaseTheSourceOnce);

describe('5. Behave like a native async generator', suite.behaveLikeANativeAsyncGenerator);

describe('6. Know what return() cannot do', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const DONE = { value: undefined, done: true };
  const slowRecv = () =>
    counted((no: number, size: number) => later(1_000, `[chunk ${no} (${size})]`));

  it('return() waits behind a pending next(), which still gets its chunk', async () => {
    const release = vi.fn();
    const stream = kata.asyncDataStreamer({ recv: slowRecv(), release });
    const pending = watch(stream.next());
    await vi.advanceTimersByTimeAsync(10);
    const closing = watch(stream.return(undefined));
    await vi.advanceTimersByTimeAsync(900);
    expect(closing.state).toBe('pending');
    expect(release).not.toHaveBeenCalled();
    await within(Promise.resolve(), 90);
    expect(pending.value).toEqual({ value: '[chunk 0 (1024)]', done: false });
    expect(closing.value).toEqual(DONE);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it('a next() queued behind return() answers done without reading', async () => {
    const recv = slowRecv();
    const stream = kata.asyncDataStreamer({ recv });
    const first = watch(stream.next());
    const closing = watch(stream.return(undefined));
    const after = watch(stream.next());
    await within(Promise.resolve(), 1_000);
    expect([first.value, closing.value, after.value]).toEqual([
      { value: '[chunk 0 (1024)]', done: false },
      DONE,
      DONE,
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(recv.calls).toHaveLength(1);
  });

  it('return() behind a read that never answers never settles', async () => {
    const release = vi.fn();
    const stream = kata.asyncDataStreamer({ recv: () => new Promise<string>(() => {}), release });
    const pending = watch(stream.next());
    const closing = watch(stream.return(undefined));
    await vi.advanceTimersByTimeAsync(60_000);
    expect([pending.state, closing.state]).toEqual(['pending', 'pending']);
    expect(release).not.toHaveBeenCalled();
  });
});
