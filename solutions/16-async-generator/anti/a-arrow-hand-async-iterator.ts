// Kind A: the export is an arrow wrapper, but what it returns is an async iterator written by
// hand, not an async generator object.
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

function streamByHand({
  limit = 10,
  chunkSize = 1024,
  recv: read = recv,
  release = () => {},
}: StreamerOptions) {
  let lecture = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let done = false;
  const finish = () => {
    if (!done) release();
    done = true;
  };
  const it = {
    next(): Promise<IteratorResult<string, undefined>> {
      const step = queue.then(async (): Promise<IteratorResult<string, undefined>> => {
        if (done || lecture >= limit) {
          finish();
          return { value: undefined, done: true };
        }
        try {
          return { value: await read(lecture++, chunkSize), done: false };
        } catch (error) {
          finish();
          throw error;
        }
      });
      queue = step.catch(() => {});
      return step;
    },
    return(): Promise<IteratorResult<string, undefined>> {
      const step = queue.then(() => {
        finish();
        return { value: undefined, done: true as const };
      });
      queue = step;
      return step;
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

export const asyncDataStreamer = (options: StreamerOptions = {}) =>
  streamByHand(options) as unknown as AsyncGenerator<string, undefined, unknown>;
