// Variant: filter built on map, take counting down to a break, batch with a Deadline object and
// one flat loop, merge with one slot per source in an array.

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
  // map() already pulls one value per step and closes its source: reuse it for the tests.
  for await (const [value, kept] of map(source, async (v) => [v, await keep(v)] as const)) {
    if (kept) yield value;
  }
}

export async function* take<T>(
  source: AsyncIterable<T>,
  n: number,
): AsyncGenerator<T, void, undefined> {
  let left = n;
  if (left <= 0) return;
  for await (const value of source) {
    yield value;
    left -= 1;
    if (left === 0) break;
  }
}

const TIMEOUT = Symbol('timeout');

/** A timer as a promise that can be cancelled: the batch's deadline. */
class Deadline {
  readonly reached: Promise<typeof TIMEOUT>;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number) {
    this.reached = new Promise((resolve) => (this.#timer = setTimeout(resolve, ms, TIMEOUT)));
  }

  cancel(): void {
    clearTimeout(this.#timer);
  }
}

export async function* batch<T>(
  source: AsyncIterable<T>,
  size: number,
  timeoutMs: number,
): AsyncGenerator<T[], void, undefined> {
  const it = source[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<T>> | undefined;
  let deadline: Deadline | undefined;
  let items: T[] = [];
  let ended = false;
  try {
    while (!ended) {
      pending ??= it.next();
      const r = await (deadline ? Promise.race([pending, deadline.reached]) : pending);
      if (r !== TIMEOUT) {
        pending = undefined;
        if (r.done) ended = true;
        else items.push(r.value);
        if (items.length === 1 && !ended) deadline = new Deadline(timeoutMs);
      }
      if (r === TIMEOUT || ended || items.length === size) {
        deadline?.cancel();
        deadline = undefined;
        const full = items;
        items = [];
        if (full.length > 0) yield full;
      }
    }
  } finally {
    deadline?.cancel();
    if (!ended) {
      pending?.catch(() => {});
      const closing = Promise.resolve(it.return?.());
      if (pending) closing.catch(() => {});
      else await closing;
    }
  }
}

type Pulled<T> = { i: number; r: IteratorResult<T> } | { i: number; error: unknown };

export async function* merge<T>(
  ...sources: AsyncIterable<T>[]
): AsyncGenerator<T, void, undefined> {
  const its = sources.map((s) => s[Symbol.asyncIterator]());
  // One slot per source: its pull in flight, or undefined once it has ended or failed.
  const slots: (Promise<Pulled<T>> | undefined)[] = its.map(() => undefined);
  const ended = its.map(() => false);
  const pull = (i: number) =>
    (slots[i] = its[i]!.next().then(
      (r) => ({ i, r }),
      (error: unknown) => ({ i, error }),
    ));
  try {
    its.forEach((_, i) => pull(i));
    while (slots.some(Boolean)) {
      const got = await Promise.race(slots.filter((s) => s !== undefined));
      slots[got.i] = undefined;
      if ('error' in got || got.r.done) {
        ended[got.i] = true;
        if ('error' in got) throw got.error;
        continue;
      }
      yield got.r.value;
      pull(got.i);
    }
  } finally {
    its.forEach((it, i) => {
      if (!ended[i]) Promise.resolve(it.return?.()).catch(() => {});
    });
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
  const tasks: Task<U>[] = []; // in source order: running, or finished and not yet yielded
  let running = 0;
  let ended = false;
  let failure: { error: unknown } | undefined;
  const start = (value: T) => {
    running += 1;
    const task: Task<U> = { settled: false, done: Promise.resolve() };
    // done never rejects: a failure is recorded, so no second failure goes unhandled.
    task.done = Promise.resolve()
      .then(() => fn(value))
      .then(
        (result) => void (task.value = result),
        (error: unknown) => void (failure ??= { error }),
      )
      .finally(() => {
        task.settled = true;
        running -= 1;
      });
    tasks.push(task);
  };
  try {
    while (true) {
      // Room for another call, and for its result: at most `concurrency` results wait.
      while (!ended && !failure && running < concurrency && tasks.length < 2 * concurrency) {
        const r = await it.next();
        if (r.done) ended = true;
        else start(r.value);
      }
      if (failure) throw failure.error;
      const ready = ordered
        ? tasks[0]?.settled
          ? tasks[0]
          : undefined
        : tasks.find((t) => t.settled);
      if (ready) {
        tasks.splice(tasks.indexOf(ready), 1);
        yield ready.value!;
      } else if (tasks.length === 0) {
        return;
      } else {
        await Promise.race(tasks.filter((t) => !t.settled).map((t) => t.done));
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
