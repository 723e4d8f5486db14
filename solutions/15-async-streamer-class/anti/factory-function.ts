// Anti-solution: no class at all. A function called with `new` that returns an async generator
// object skips the exercise (writing the protocol by hand); the checker rejects it first.
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

async function* chunks({
  limit = 10,
  chunkSize = 1024,
  recv: read = recv,
  release = () => {},
}: StreamerOptions) {
  try {
    for (let no = 0; no < limit; no++) yield await read(no, chunkSize);
  } finally {
    release();
  }
}

export const AsyncDataStreamer = function (options: StreamerOptions = {}) {
  return chunks(options);
} as unknown as new (options?: StreamerOptions) => AsyncIterableIterator<string, undefined> & {
  return(): Promise<IteratorResult<string, undefined>>;
};
