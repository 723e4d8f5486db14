// Variant: abortable() as a hand-written async iterator class; the other stages as in the
// reference solution.

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

export function abortable<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  return new Abortable(source, signal);
}

/** A hand-written async iterator: a pending next() races the abort, so it never waits on a read. */
class Abortable<T> implements AsyncGenerator<T, void, undefined> {
  #it: AsyncIterator<T> | undefined;
  #over = false;
  #sourceEnded = false;
  readonly #aborted: Promise<never>;
  readonly #onAbort: () => void;

  constructor(
    private readonly source: AsyncIterable<T>,
    private readonly signal: AbortSignal,
  ) {
    let reject: (reason: unknown) => void = () => {};
    this.#aborted = new Promise<never>((_, no) => (reject = no));
    this.#aborted.catch(() => {});
    this.#onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T, void>> {
    if (this.#over) return { value: undefined, done: true };
    if (this.signal.aborted) {
      this.#end();
      throw this.signal.reason;
    }
    this.#it ??= this.source[Symbol.asyncIterator]();
    try {
      const r = await Promise.race([this.#it.next(), this.#aborted]);
      if (r.done) {
        this.#sourceEnded = true;
        this.#end();
        return { value: undefined, done: true };
      }
      return { value: r.value, done: false };
    } catch (error) {
      this.#end();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<T, void>> {
    this.#end();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T, void>> {
    this.#end();
    throw error;
  }

  #end(): void {
    if (this.#over) return;
    this.#over = true;
    this.signal.removeEventListener('abort', this.#onAbort);
    // The source may be stuck in a read that never answers: ask it to close, don't wait.
    if (this.#it && !this.#sourceEnded) Promise.resolve(this.#it.return?.()).catch(() => {});
  }
}
