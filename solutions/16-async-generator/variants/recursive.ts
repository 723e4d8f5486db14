// Variant: one chunk, then the rest of the stream, as a recursive async generator; the release
// sits in the outer one so it runs once.
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

async function* from(
  no: number,
  limit: number,
  size: number,
  read: (no: number, size: number) => Promise<string>,
): AsyncGenerator<string, void, unknown> {
  if (no >= limit) return;
  yield await read(no, size);
  yield* from(no + 1, limit, size, read);
}

export async function* asyncDataStreamer({
  limit = 10,
  chunkSize = 1024,
  recv: read = recv,
  release = () => {},
}: StreamerOptions = {}): AsyncGenerator<string, undefined, unknown> {
  try {
    yield* from(0, limit, chunkSize, read);
  } finally {
    release();
  }
  return undefined;
}
