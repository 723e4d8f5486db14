// Anti-solution: the post's async_data_streamer to the letter. It counts up before it reads, so its
// chunks are numbered 1 to 10 where the class's were 0 to 9.
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
  let lecture = 0;
  try {
    while (lecture < limit) {
      lecture += 1;
      yield await read(lecture, chunkSize);
    }
  } finally {
    release();
  }
  return undefined;
}
