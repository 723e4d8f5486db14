// Variant: the waiting calls as a linked list of deferred answers, served by one async loop.
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

/** An answer promised now and given later. */
class Deferred {
  readonly promise: Promise<Result>;
  resolve!: (result: Result) => void;
  reject!: (error: unknown) => void;
  after: Deferred | undefined;

  constructor() {
    this.promise = new Promise<Result>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  #head: Deferred | undefined;
  #tail: Deferred | undefined;
  #lecture = 0;
  #opened = false;
  #closed = false;
  #serving = false;
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
    [this.#limit, this.#size, this.#recv, this.#release] = [limit, chunkSize, read, release];
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.#closed) return Promise.resolve(done());
    const call = new Deferred();
    if (this.#tail) this.#tail.after = call;
    else this.#head = call;
    this.#tail = call;
    void this.#serve();
    return call.promise;
  }

  return(): Promise<Result> {
    this.#close();
    return Promise.resolve(done());
  }

  #take(): Deferred {
    const call = this.#head!;
    this.#head = call.after;
    if (!this.#head) this.#tail = undefined;
    return call;
  }

  async #serve(): Promise<void> {
    if (this.#serving) return;
    this.#serving = true;
    while (this.#head && !this.#closed) {
      this.#opened = true;
      if (this.#lecture >= this.#limit) {
        this.#close();
        break;
      }
      try {
        const chunk = await this.#recv(this.#lecture, this.#size);
        if (this.#closed) break;
        this.#lecture += 1;
        this.#take().resolve({ value: chunk, done: false });
      } catch (error) {
        if (this.#closed) break;
        this.#take().reject(error);
        this.#close();
      }
    }
    this.#serving = false;
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#opened) this.#release();
    while (this.#head) this.#take().resolve(done());
  }
}
