// Variant: a plain generator plans the reads as functions, and the async generator runs each one
// only when asked: the plan is lazy, so reads still happen one per next().
export interface StreamerOptions {
  limit?: number;
  chunkSize?: number;
  recv?: (no: number, size: number) => Promise<string>;
  release?: () => void;
}

export function recv(no: number, size: number): Promise<string> {
  return new Promise((resolve) =>
    setTimeout(() => resolve(`[chunk ${no} (${size})]`), Math.floor(size / 512) * 400),
  );
}

function* plan(
  limit: number,
  size: number,
  read: (no: number, size: number) => Promise<string>,
): Generator<() => Promise<string>, void, undefined> {
  for (let no = 0; no < limit; no++) yield () => read(no, size);
}

export async function* asyncDataStreamer({
  limit = 10,
  chunkSize = 1024,
  recv: read = recv,
  release = () => {},
}: StreamerOptions = {}): AsyncGenerator<string, undefined, unknown> {
  try {
    for (const next of plan(limit, chunkSize, read)) yield await next();
  } finally {
    release();
  }
  return undefined;
}
