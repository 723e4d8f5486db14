// Variant: map and filter share one transform stage through yield*, and mapConcurrent keeps its
// tasks in a fixed ring of 2 * concurrency slots.

/** Runs `step` on each value and yields what it hands to `emit`: the body of map and filter. */
async function* transform<T, U>(
  source: AsyncIterable<T>,
  step: (value: T) => Promise<{ keep: boolean; value?: U }>,
): AsyncGenerator<U, void, undefined> {
  for await (const value of source) {
    const out = await step(value);
    if (out.keep) yield out.value as U;
  }
}

export async function* map<T, U>(
  source: AsyncIterable<T>,
  fn: (value: T) => U | Promise<U>,
): AsyncGenerator<U, void, undefined> {
  yield* transform(source, async (value) => ({ keep: true, value: await fn(value) }));
}

export async function* filter<T>(
  source: AsyncIterable<T>,
  keep: (value: T) => boolean | Promise<boolean>,
): AsyncGenerator<T, void, undefined> {
  yield* transform(source, async (value) => ({ keep: await keep(value), value }));
}

export async function* take<T>(
  source: AsyncIterable<T>,
  n: number,
): AsyncGenerator<T, void, undefined> {
  if (n <= 0) return;
  let taken = 0;
  for await (const value of source) {
    yield value;
    // Stop before pulling again: leaving the loop here calls the source's return().
    if (++taken >= n) return;
  }
}

const TIMEOUT = Symbol('timeout');

export async function* batch<T>(
  source: AsyncIterable<T>,
  size: number,
  timeoutMs: number,
): AsyncGenerator<T[], void, undefined> {
  const it = source[Symbol.asyncIterator]();
  // A pull still in flight when the timeout cut a batch short: its item opens the next batch.
  let pending: Promise<IteratorResult<T>> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  try {
    while (true) {
      const items: T[] = [];
      let deadline: Promise<typeof TIMEOUT> | undefined;
      while (items.length < size) {
        pending ??= it.next();
        const r = deadline ? await Promise.race([pending, deadline]) : await pending;
        if (r === TIMEOUT) break;
        pending = undefined;
        if (r.done) {
          ended = true;
          clearTimeout(timer);
          if (items.length > 0) yield items;
          return;
        }
        items.push(r.value);
        if (items.length === 1) {
          deadline = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, TIMEOUT)));
        }
      }
      clearTimeout(timer);
      yield items;
    }
  } finally {
    clearTimeout(timer);
    if (!ended) {
      // A source busy with a read cannot answer return() before the read is done: don't wait.
      pending?.catch(() => {});
      const closing = it.return?.();
      if (pending) Promise.resolve(closing).catch(() => {});
      else await closing;
    }
  }
}

type Pulled<T> = { i: number; r: IteratorResult<T> } | { i: number; error: unknown };

export async function* merge<T>(
  ...sources: AsyncIterable<T>[]
): AsyncGenerator<T, void, undefined> {
  const its = sources.map((s) => s[Symbol.asyncIterator]());
  const open = new Set(its.keys());
  // One pull in flight for each source, except the one whose value is being yielded. A pull
  // settles to its source's index and never rejects, so a failure nobody waits for is not lost
  // as an unhandled rejection.
  const pulls = new Map<number, Promise<Pulled<T>>>();
  const pull = (i: number) =>
    pulls.set(
      i,
      its[i]!.next().then(
        (r) => ({ i, r }),
        (error: unknown) => ({ i, error }),
      ),
    );
  try {
    for (const i of open) pull(i);
    while (pulls.size > 0) {
      const got = await Promise.race(pulls.values());
      pulls.delete(got.i);
      if ('error' in got) {
        open.delete(got.i);
        throw got.error;
      }
      if (got.r.done) {
        open.delete(got.i);
        continue;
      }
      yield got.r.value;
      pull(got.i);
    }
  } finally {
    // Every source not finished, suspended at a yield or busy with a read, is returned. A busy
    // one answers after its read: waiting for it could take for ever, so nobody waits.
    for (const i of open) Promise.resolve(its[i]!.return?.()).catch(() => {});
  }
}

export interface ConcurrencyOptions {
  /** The most calls of `fn` in flight at once. */
  concurrency: number;
  /** Yield in source order (the default), or as results come. */
  ordered?: boolean;
}

interface Task<U> {
  done: Promise<void>;
  settled: boolean;
  value?: U;
}

export async function* mapConcurrent<T, U>(
  source: AsyncIterable<T>,
  fn: (value: T) => U | Promise<U>,
  { concurrency, ordered = true }: ConcurrencyOptions,
): AsyncGenerator<U, void, undefined> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of 1 or more, got ${concurrency}`);
  }
  const it = source[Symbol.asyncIterator]();
  // A ring of 2 * concurrency slots holds the tasks from the oldest not yielded to the newest.
  const ring: (Task<U> | undefined)[] = Array.from({ length: 2 * concurrency }, () => undefined);
  let oldest = 0;
  let count = 0;
  let running = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  const start = (value: T) => {
    const task: Task<U> = { settled: false, done: Promise.resolve() };
    running += 1;
    task.done = (async () => {
      try {
        task.value = await fn(value);
      } catch (error) {
        failure ??= { error };
      } finally {
        task.settled = true;
        running -= 1;
      }
    })();
    ring[(oldest + count) % ring.length] = task;
    count += 1;
  };
  const at = (k: number) => ring[(oldest + k) % ring.length]!;
  try {
    while (true) {
      while (!ended && !failure && running < concurrency && count < ring.length) {
        const r = await it.next();
        if (r.done) ended = true;
        else start(r.value);
      }
      if (failure) throw failure.error;
      let k = -1;
      if (ordered) k = count > 0 && at(0).settled ? 0 : -1;
      else for (let j = 0; j < count && k < 0; j++) if (at(j).settled) k = j;
      if (k >= 0) {
        const task = at(k);
        // Close the gap: shift the older tasks up one slot, then drop the oldest.
        for (let j = k; j > 0; j--) ring[(oldest + j) % ring.length] = at(j - 1);
        ring[oldest] = undefined;
        oldest = (oldest + 1) % ring.length;
        count -= 1;
        yield task.value!;
      } else if (count === 0) {
        return;
      } else {
        const runningTasks: Promise<void>[] = [];
        for (let j = 0; j < count; j++) if (!at(j).settled) runningTasks.push(at(j).done);
        await Promise.race(runningTasks);
      }
    }
  } finally {
    if (!ended) await it.return?.();
  }
}

export async function* abortable<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  signal.throwIfAborted();
  const it = source[Symbol.asyncIterator]();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  let ended = false;
  try {
    while (true) {
      signal.throwIfAborted();
      const r = await Promise.race([it.next(), aborted]);
      if (r.done) {
        ended = true;
        return;
      }
      yield r.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // A source that never answers cannot be waited for; return() is queued behind its read.
    if (!ended) Promise.resolve(it.return?.()).catch(() => {});
  }
}
