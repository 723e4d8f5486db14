// Variant: calls chained on a tail promise; each read races an AbortController that return()
// aborts, so a read in flight loses to return() and its call answers done.
export interface StreamerOptions {
  limit?: number;
  chunkSize?: number;
  recv?: (no: number, size: number) => Promise<string>;
  release?: () => void;
}

export async function recv(no: number, size: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, Math.floor(size / 512) * 400));
  return `[chunk ${no} (${size})]`;
}

type Result = IteratorResult<string, undefined>;
const done = (): Result => ({ value: undefined, done: true });

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  readonly #stop = new AbortController();
  readonly #stopped: Promise<typeof STOPPED>;
  #tail: Promise<unknown> = Promise.resolve();
  #lecture = 0;
  #started = false;
  readonly #limit: number;
  readonly #size: number;
  readonly #recv: (no: number, size: number) => Promise<string>;
  readonly #release: () => void;

  constructor({
    limit = 10,
    chunkSize = 1024,
    recv: read = recv,
    release = () => {},
  }: StreamerOptions = {}) {
    this.#limit = limit;
    this.#size = chunkSize;
    this.#recv = read;
    this.#release = release;
    this.#stopped = new Promise((resolve) =>
      this.#stop.signal.addEventListener('abort', () => resolve(STOPPED), { once: true }),
    );
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    // Opened by the call, as an async generator's body starts on its first next().
    if (!this.#stop.signal.aborted) this.#started = true;
    const answer = this.#tail.then(() => this.#step());
    this.#tail = answer.catch(() => {});
    return answer;
  }

  return(): Promise<Result> {
    this.#close();
    return Promise.resolve(done());
  }

  async #step(): Promise<Result> {
    if (this.#stop.signal.aborted) return done();
    if (this.#lecture >= this.#limit) {
      this.#close();
      return done();
    }
    let got: string | typeof STOPPED;
    try {
      got = await Promise.race([this.#recv(this.#lecture, this.#size), this.#stopped]);
    } catch (error) {
      this.#close();
      throw error;
    }
    if (got === STOPPED) return done();
    this.#lecture += 1;
    return { value: got, done: false };
  }

  #close(): void {
    if (this.#stop.signal.aborted) return;
    this.#stop.abort();
    if (this.#started) this.#release();
  }
}

const STOPPED = Symbol('stopped');
