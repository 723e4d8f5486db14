// Exercise 15: the post's AsyncDataStreamer, as a class that speaks JavaScript's async iteration
// protocol by hand: [Symbol.asyncIterator](), next() and return(), each answering a Promise.
// The README explains each task; streamer.suite.ts and the test file hold the exact specification.

/** What a streamer takes: the post's constants, and the parts a test swaps out. */
export interface StreamerOptions {
  /** How many chunks to read: the post's LIMIT, 10. */
  limit?: number;
  /** The size of each read: the post's CHUNK_SIZE, 1024. */
  chunkSize?: number;
  /** Where the chunks come from: `recv` below unless a test passes its own. */
  recv?: (no: number, size: number) => Promise<string>;
  /** Called once when a stream that has started reading ends, fails or is closed. */
  release?: () => void;
}

/**
 * The post's `recv(no, size)`: waits 0.4 s for every whole 512 bytes of `size` (with
 * `setTimeout`), then resolves `"[chunk <no> (<size>)]"`.
 *
 * @example
 * await recv(3, 1024); // after 800 ms: "[chunk 3 (1024)]"
 */
export function recv(no: number, size: number): Promise<string> {
  // TODO: an async function that awaits a timer, then returns the chunk's text (task 1).
  throw new Error('Not implemented yet: write recv() (README task 1).');
}

/**
 * Reads `limit` chunks of `chunkSize` bytes with `recv`, one per next(), as the post's class
 * does. Overlapping next() calls wait their turn; return() closes it at once.
 *
 * @example
 * for await (const read of new AsyncDataStreamer()) console.log(read); // [chunk 0 (1024)] ...
 */
export class AsyncDataStreamer implements AsyncIterableIterator<string, undefined> {
  constructor(options: StreamerOptions = {}) {
    // TODO: keep the options (with the post's defaults) and the stream's state (tasks 2 to 6).
    throw new Error('Not implemented yet: write the AsyncDataStreamer class (README task 2).');
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<string, undefined>> {
    // TODO: read the next chunk, after the calls made before this one (tasks 2 and 3).
    throw new Error('Not implemented yet: write next() (README tasks 2 and 3).');
  }

  return(): Promise<IteratorResult<string, undefined>> {
    // TODO: close the stream and release the source, once (tasks 4 and 6).
    throw new Error('Not implemented yet: write return() (README tasks 4 and 6).');
  }
}
