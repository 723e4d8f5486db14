// Variant: the reads in an inner async generator; the outer one only adds the release, delegating
// with yield*, which forwards return() to the inner.
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

async function* reads(
  limit: number,
  size: number,
  read: (no: number, size: number) => Promise<string>,
): AsyncGenerator<string, void, unknown> {
  for (let no = 0; no < limit; no++) yield await read(no, size);
}

export async function* asyncDataStreamer({
  limit = 10,
  chunkSize = 1024,
  recv: read = recv,
  release = () => {},
}: StreamerOptions = {}): AsyncGenerator<string, undefined, unknown> {
  try {
    yield* reads(limit, chunkSize, read);
  } finally {
    release();
  }
  return undefined;
}
