// generator expressions in consts, exported by array destructuring
// Exercise 06: throw and close, solved.

/** The one error `accumulate()` handles: throwing it in sets the total back to 0. */
export class Reset extends Error {
  override name = 'Reset';
}

/** Something that must be released after use, like an open file. */
export interface Resource {
  /** The next line, or `undefined` when there are no more. */
  readLine(): string | undefined;
  /** Releases the resource. Call it exactly once. */
  close(): void;
}

/**
 * A coroutine that yields the running total of the numbers sent to it, starting at 0. A `Reset`
 * thrown in sets the total back to 0 and the coroutine goes on; any other error ends it.
 *
 * @example
 * const acc = accumulate();
 * acc.next(); //             { value: 0, done: false }
 * acc.next(5); //            { value: 5, done: false }
 * acc.throw(new Reset()); // { value: 0, done: false }
 */
const accumulateImpl = function* (): Generator<number, never, number> {
  let total = 0;
  for (;;) {
    try {
      // A bare next() sends undefined even though N is number: add nothing then.
      const term: number | undefined = yield total;
      if (term !== undefined) total += term;
    } catch (err) {
      // Not ours: rethrowing ends the coroutine and hands the error to the caller of throw().
      if (!(err instanceof Reset)) throw err;
      total = 0;
    }
  }
};

/**
 * Opens a resource on the first `next()`, yields its lines one `readLine()` at a time, and
 * closes it exactly once, however the generator ends.
 *
 * @example
 * const lines = withResource(() => openFile('notes.txt'));
 * lines.next(); //   opens the file, { value: 'first line', done: false }
 * lines.return(); // closes it, { value: undefined, done: true }
 */
const withResourceImpl = function* (open: () => Resource): Generator<string, void, unknown> {
  // Opened inside the body, so a return() or throw() before the first next() opens nothing.
  const resource = open();
  try {
    for (let line = resource.readLine(); line !== undefined; line = resource.readLine()) {
      yield line;
    }
  } finally {
    resource.close();
  }
};

/**
 * Yields each of `lines`, then `footer`, which it yields from a `finally`: an early `return()` or
 * `throw()` still gets the footer out first.
 *
 * @example
 * const g = withFooter(['a', 'b'], '-- end --');
 * g.next(); //        { value: 'a', done: false }
 * g.return('bye'); // { value: '-- end --', done: false }
 * g.next(); //        { value: 'bye', done: true }
 */
const withFooterImpl = function* (
  lines: Iterable<string>,
  footer: string,
): Generator<string, string | void, unknown> {
  try {
    // A for-of, not yield*: throw() must reach this body, not the source (an array iterator has
    // no throw()). Leaving the loop early closes the source.
    for (const line of lines) yield line;
  } finally {
    // During return() or throw() this pauses the generator again; the pending return or error
    // resumes after the next next().
    yield footer;
  }
};

export const [accumulate, withResource, withFooter] = [
  accumulateImpl,
  withResourceImpl,
  withFooterImpl,
] as const;
