// Anti-solution: takes its chunk number before the await, so overlapping calls get 0, 1, 2, but
// their reads run at the same time: no queue, just a counter.
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

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  lecture = 0;
  started = false;
  closed = false;
  limit: number;
  size: number;
  read: (no: number, size: number) => Promise<string>;
  release: () => void;

  constructor({
    limit = 10,
    chunkSize = 1024,
    recv: read = recv,
    release = () => {},
  }: StreamerOptions = {}) {
    this.limit = limit;
    this.size = chunkSize;
    this.read = read;
    this.release = release;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<string, undefined>> {
    if (this.closed) return { value: undefined, done: true };
    this.started = true;
    if (this.lecture >= this.limit) {
      await this.return();
      return { value: undefined, done: true };
    }
    const no = this.lecture++;
    const result = await this.read(no, this.size);
    if (this.closed) return { value: undefined, done: true };
    return { value: result, done: false };
  }

  async return(): Promise<IteratorResult<string, undefined>> {
    if (!this.closed) {
      this.closed = true;
      if (this.started) this.release();
    }
    return { value: undefined, done: true };
  }
}
