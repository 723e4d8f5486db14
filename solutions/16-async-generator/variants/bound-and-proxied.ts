// Variant: an async generator method of an object literal, taken out by destructuring, bound to
// its defaults and exported behind a Proxy that forwards every call
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

const streams = {
  async *lectures(
    this: Required<Omit<StreamerOptions, 'release'>>,
    options: StreamerOptions = {},
  ): AsyncGenerator<string, undefined, unknown> {
    const { limit = this.limit, chunkSize = this.chunkSize, recv: read = this.recv } = options;
    try {
      for (let lecture = 0; lecture < limit; lecture++) yield await read(lecture, chunkSize);
    } finally {
      options.release?.();
    }
    return undefined;
  },
};

const { lectures } = streams;
const withDefaults = lectures.bind({ limit: 10, chunkSize: 1024, recv });

export const asyncDataStreamer = new Proxy(withDefaults, {
  apply: (target, self, args: Parameters<typeof withDefaults>) => Reflect.apply(target, self, args),
});
