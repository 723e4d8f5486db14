// Variant: each call is chained on the one before it (a tail promise), so reads run in call
// order; the waiting calls are kept in a Set so that return() can answer them at once.
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
  private tail: Promise<void> = Promise.resolve();
  private lecture = 0;
  private state: 'fresh' | 'open' | 'closed' = 'fresh';
  private readonly waiting = new Set<(result: Result) => void>();
  private readonly limit: number;
  private readonly size: number;
  private readonly read: (no: number, size: number) => Promise<string>;
  private readonly release: () => void;

  constructor(options: StreamerOptions = {}) {
    this.limit = options.limit ?? 10;
    this.size = options.chunkSize ?? 1024;
    this.read = options.recv ?? recv;
    this.release = options.release ?? (() => {});
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.state === 'closed') return Promise.resolve(done());
    // Opened by the call, as an async generator's body starts on its first next().
    this.state = 'open';
    return new Promise((resolve, reject) => {
      this.waiting.add(resolve);
      this.tail = this.tail.then(async () => {
        if (!this.waiting.has(resolve)) return; // answered by return() already
        try {
          const result = await this.step();
          if (this.waiting.delete(resolve)) resolve(result);
        } catch (error) {
          if (this.waiting.delete(resolve)) {
            reject(error);
            this.close();
          }
        }
      });
    });
  }

  return(): Promise<Result> {
    this.close();
    return Promise.resolve(done());
  }

  private async step(): Promise<Result> {
    if (this.lecture >= this.limit) {
      this.close();
      return done();
    }
    const chunk = await this.read(this.lecture, this.size);
    if (this.isClosed()) return done(); // return() came during the read: the chunk is dropped
    this.lecture += 1;
    return { value: chunk, done: false };
  }

  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private close(): void {
    if (this.state === 'closed') return;
    const opened = this.state === 'open';
    this.state = 'closed';
    if (opened) this.release();
    for (const resolve of this.waiting) resolve(done());
    this.waiting.clear();
  }
}
