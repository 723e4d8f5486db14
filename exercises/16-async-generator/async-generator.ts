// Exercise 16: the post's AsyncDataStreamer again, now as an async function*: the language keeps
// the queue of calls and the state that exercise 15's class kept by hand.
// The README explains each task; exercise 15's streamer.suite.ts and the test file hold the
// exact specification.

/** What the streamer takes: the post's constants, and the parts a test swaps out. */
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
 * The post's `async_data_streamer()`: reads `limit` chunks of `chunkSize` bytes with `recv` and
 * yields each one.
 *
 * @example
 * for await (const read of asyncDataStreamer()) console.log(read); // [chunk 0 (1024)] ...
 */
export function asyncDataStreamer(
  options: StreamerOptions = {},
): AsyncGenerator<string, undefined, unknown> {
  // TODO: an async function*: a loop of `yield await recv(...)` inside try/finally (tasks 2 to 6).
  throw new Error('Not implemented yet: write asyncDataStreamer() (README task 2).');
}
