// Variant: the export is an arrow that fills in the defaults and returns the call of an async
// generator function
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

async function* stream(
  limit: number,
  chunkSize: number,
  read: (no: number, size: number) => Promise<string>,
  release: () => void,
): AsyncGenerator<string, undefined, unknown> {
  try {
    for (let lecture = 0; lecture < limit; lecture++) yield await read(lecture, chunkSize);
  } finally {
    release();
  }
  return undefined;
}

export const asyncDataStreamer = (
  options: StreamerOptions = {},
): AsyncGenerator<string, undefined, unknown> =>
  stream(options.limit ?? 10, options.chunkSize ?? 1024, options.recv ?? recv, () =>
    options.release?.(),
  );
