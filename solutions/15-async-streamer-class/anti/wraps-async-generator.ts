// Anti-solution: a class on the outside, an async function* inside. It gets the queue for free,
// but it inherits the generator's limit too: return() waits behind a read in flight.
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

async function* chunks(options: StreamerOptions) {
  const { limit = 10, chunkSize = 1024, recv: read = recv, release = () => {} } = options;
  try {
    for (let no = 0; no < limit; no++) yield await read(no, chunkSize);
  } finally {
    release();
  }
}

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  readonly #inner: AsyncGenerator<string, void>;

  constructor(options: StreamerOptions = {}) {
    this.#inner = chunks(options);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<string, undefined>> {
    const r = await this.#inner.next();
    return r.done ? { value: undefined, done: true } : r;
  }

  async return(): Promise<IteratorResult<string, undefined>> {
    await this.#inner.return();
    return { value: undefined, done: true };
  }
}
