// Variant: the post's shape, a while loop around a counter, with the read and the count apart.
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

export async function* asyncDataStreamer(
  options: StreamerOptions = {},
): AsyncGenerator<string, undefined, unknown> {
  const LIMIT = options.limit ?? 10;
  const CHUNK_SIZE = options.chunkSize ?? 1024;
  const read = options.recv ?? recv;
  let lecture = 0;
  try {
    while (lecture < LIMIT) {
      const chunk = await read(lecture, CHUNK_SIZE);
      lecture += 1;
      yield chunk;
    }
  } finally {
    options.release?.();
  }
  return undefined;
}
