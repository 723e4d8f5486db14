// Variant: the post's __anext__ kept as a private method that throws StopAsyncIteration at the
// end; next() turns that into { done: true }. Each call waits for the one before it, and races
// return(), so return() answers every waiting call at once.
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

class StopAsyncIteration extends Error {}

export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  static readonly LIMIT = 10;
  static readonly CHUNK_SIZE = 1024;
  private lecture = 0;
  private opened = false;
  private closed = false;
  private last: Promise<unknown> = Promise.resolve();
  private answerAll: () => void = () => {};
  private readonly returned = new Promise<Result>(
    (resolve) => (this.answerAll = () => resolve(done())),
  );

  constructor(private readonly options: StreamerOptions = {}) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result> {
    if (this.closed) return Promise.resolve(done());
    this.opened = true; // opened by the call, as an async generator's body starts on next()
    const mine = this.last.then(() => this.anext());
    this.last = mine.catch(() => {});
    const answer = mine.then(
      (value): Result => ({ value, done: false }),
      (error: unknown): Result => {
        if (error instanceof StopAsyncIteration) return done();
        throw error;
      },
    );
    return Promise.race([answer, this.returned]);
  }

  return(): Promise<Result> {
    this.close();
    this.answerAll();
    return Promise.resolve(done());
  }

  private async anext(): Promise<string> {
    if (this.closed) throw new StopAsyncIteration();
    if (this.lecture >= (this.options.limit ?? AsyncDataStreamer.LIMIT)) {
      this.close();
      throw new StopAsyncIteration();
    }
    const read = this.options.recv ?? recv;
    let result: string;
    try {
      result = await read(this.lecture, this.options.chunkSize ?? AsyncDataStreamer.CHUNK_SIZE);
    } catch (error) {
      this.close(); // the calls behind this one find the stream closed
      throw error;
    }
    if (this.closed) throw new StopAsyncIteration();
    this.lecture += 1;
    return result;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.opened) this.options.release?.();
  }
}
