// Variant: each way out releases by itself: the end after the loop, a failed read in a catch that
// rethrows, and return() at a yield in a finally that checks a flag: only return() leaves a
// yield without resuming it.
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
  let resumed = true;
  try {
    for (let lecture = 0; lecture < limit; lecture++) {
      let chunk: string;
      try {
        chunk = await read(lecture, chunkSize);
      } catch (error) {
        release();
        throw error;
      }
      resumed = false;
      yield chunk;
      resumed = true;
    }
    release();
  } finally {
    // Only return() leaves a yield without resuming it.
    if (!resumed) release();
  }
  return undefined;
}
