// Variant: merge and mapConcurrent wait on a wake-up promise that each settled pull or call
// resolves, instead of racing the promises in flight.

export async function* map<T, U>(
  source: AsyncIterable<T>,
  fn: (value: T) => U | Promise<U>,
): AsyncGenerator<U, void, undefined> {
  for await (const value of source) yield await fn(value);
}

export async function* filter<T>(
  source: AsyncIterable<T>,
  keep: (value: T) => boolean | Promise<boolean>,
): AsyncGenerator<T, void, undefined> {
  for await (const value of source) if (await keep(value)) yield value;
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
  // Settled pulls wait here in the order they settled; a waiting merge is woken by each one.
  const arrived: Pulled<T>[] = [];
  let wake = () => {};
  const pull = (i: number) =>
    void its[i]!.next()
      .then(
        (r): Pulled<T> => ({ i, r }),
        (error: unknown): Pulled<T> => ({ i, error }),
      )
      .then((got) => {
        arrived.push(got);
        wake();
      });
  try {
    for (const i of open) pull(i);
    while (open.size > 0) {
      while (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const got = arrived.shift()!;
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
  // Finished results by source index; a Map keeps them in the order they finished.
  const finished = new Map<number, U>();
  let failure: { error: unknown } | undefined;
  let running = 0;
  let pulled = 0;
  let yielded = 0;
  let ended = false;
  let wake = () => {};
  const start = (value: T, index: number) => {
    running += 1;
    void Promise.resolve()
      .then(() => fn(value))
      .then(
        (result) => void finished.set(index, result),
        (error: unknown) => void (failure ??= { error }),
      )
      .finally(() => {
        running -= 1;
        wake();
      });
  };
  try {
    while (true) {
      while (!ended && !failure && running < concurrency && pulled - yielded < 2 * concurrency) {
        const r = await it.next();
        if (r.done) ended = true;
        else start(r.value, pulled++);
      }
      if (failure) throw failure.error;
      const key = ordered
        ? finished.has(yielded)
          ? yielded
          : undefined
        : finished.keys().next().value;
      if (key !== undefined) {
        const result = finished.get(key)!;
        finished.delete(key);
        yielded += 1;
        yield result;
      } else if (ended && running === 0) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
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
