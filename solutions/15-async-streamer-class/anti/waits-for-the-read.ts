// Anti-solution: return() during a read waits for the read to finish before it closes, as an
// async generator must; a class can do better.

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

interface Call {
  resolve(result: Result): void;
  reject(error: unknown): void;
}

const done = (): Result => ({ value: undefined, done: true });

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  readonly #limit: number;
  readonly #size: number;
  readonly #recv: (no: number, size: number) => Promise<string>;
  readonly #release: () => void;
  #lecture = 0;
  #started = false;
  #closed = false;
  #reading = false;
  /** Calls waiting for an answer; the first is the one being served. */
  readonly #calls: Call[] = [];

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
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.#closed) return Promise.resolve(done());
    return new Promise((resolve, reject) => {
      this.#calls.push({ resolve, reject });
      void this.#serve();
    });
  }

  async return(): Promise<Result> {
    while (this.#reading) await new Promise((resolve) => setTimeout(resolve, 10));
    this.#close();
    return done();
  }

  /** Ends the stream once: releases a source that was opened, answers done to every waiting call. */
  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#started) this.#release();
    for (const call of this.#calls.splice(0)) call.resolve(done());
  }

  /** Serves the waiting calls in order, one read at a time; a second caller finds it busy. */
  async #serve(): Promise<void> {
    if (this.#reading) return;
    this.#reading = true;
    try {
      while (this.#calls.length > 0 && !this.#closed) {
        this.#started = true;
        if (this.#lecture >= this.#limit) return this.#close();
        let chunk: string;
        try {
          chunk = await this.#recv(this.#lecture, this.#size);
        } catch (error) {
          // return() may have closed the stream during the read: then nobody is waiting.
          // The failed call is answered first, as an async generator answers its calls in order.
          this.#calls.shift()?.reject(error);
          this.#close();
          return;
        }
        if (this.#closed) return; // closed during the read: the chunk is dropped
        this.#lecture += 1;
        this.#calls.shift()!.resolve({ value: chunk, done: false });
      }
    } finally {
      this.#reading = false;
    }
  }
}
