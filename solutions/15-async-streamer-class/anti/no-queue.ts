// Anti-solution: the post's class word for word. next() reads self.lecture before its await and
// counts up after it, so three overlapping calls all read chunk 0.
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
    const result = await this.read(this.lecture, this.size);
    if (this.closed) return { value: undefined, done: true };
    this.lecture += 1;
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
