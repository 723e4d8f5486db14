// Exercise 16, a solution: the post's async_data_streamer. The language queues overlapping calls
// and tracks the state; try/finally releases the source on every way out.

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
    // The post counts from 1 here (lecture += 1 before recv); 0 keeps it equal to the class.
    for (let lecture = 0; lecture < limit; lecture++) yield await read(lecture, chunkSize);
  } finally {
    release();
  }
  return undefined;
}
