// Variant: no async and no await in the class: a queue of calls and a pump driven by then()
// callbacks, one read at a time.
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

interface Call {
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  readonly #options: Required<StreamerOptions>;
  readonly #queue: Call[] = [];
  #lecture = 0;
  #started = false;
  #busy = false;
  #closed = false;

  constructor(options: StreamerOptions = {}) {
    this.#options = { limit: 10, chunkSize: 1024, recv, release: () => {}, ...options };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.#closed) return Promise.resolve(done());
    return new Promise((resolve, reject) => {
      this.#queue.push({ resolve, reject });
      this.#pump();
    });
  }

  return(): Promise<Result> {
    this.#close();
    return Promise.resolve(done());
  }

  #pump(): void {
    if (this.#busy || this.#closed || this.#queue.length === 0) return;
    this.#started = true;
    if (this.#lecture >= this.#options.limit) return this.#close();
    this.#busy = true;
    this.#options.recv(this.#lecture, this.#options.chunkSize).then(
      (chunk) => {
        this.#busy = false;
        if (this.#closed) return;
        this.#lecture += 1;
        this.#queue.shift()!.resolve({ value: chunk, done: false });
        this.#pump();
      },
      (error: unknown) => {
        this.#busy = false;
        if (this.#closed) return;
        this.#queue.shift()!.reject(error);
        this.#close();
      },
    );
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#started) this.#options.release();
    for (const call of this.#queue.splice(0)) call.resolve(done());
  }
}
