// Anti-solution: starts the next read before it yields the last chunk, to save time. The reads
// still come one at a time, but the stream reads a chunk nobody asked for.
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

export async function* asyncDataStreamer({
  limit = 10,
  chunkSize = 1024,
  recv: read = recv,
  release = () => {},
}: StreamerOptions = {}): AsyncGenerator<string, undefined, unknown> {
  try {
    let ahead = limit > 0 ? read(0, chunkSize) : undefined;
    for (let lecture = 0; lecture < limit; lecture++) {
      const chunk = await ahead!;
      ahead = lecture + 1 < limit ? read(lecture + 1, chunkSize) : undefined;
      yield chunk;
    }
  } finally {
    release();
  }
  return undefined;
}
