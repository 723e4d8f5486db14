// Exercise 06: throw and close. Stopping a coroutine from outside: throw(err) raises err at the
// paused yield, return(v) ends the body there, and finally blocks run either way. The README
// explains each task; the tests in throw-and-close.test.ts are the exact specification.

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
export function accumulate(): Generator<number, never, number> {
  // TODO: a generator function with a try/catch around its yield, handling Reset only.
  throw new Error('Not implemented yet: write accumulate() (README tasks 1, 2 and 4).');
}

/**
 * Opens a resource on the first `next()`, yields its lines one `readLine()` at a time, and
 * closes it exactly once, however the generator ends.
 *
 * @example
 * const lines = withResource(() => openFile('notes.txt'));
 * lines.next(); //   opens the file, { value: 'first line', done: false }
 * lines.return(); // closes it, { value: undefined, done: true }
 */
export function withResource(open: () => Resource): Generator<string, void, unknown> {
  // TODO: a generator function that opens, reads in a try, and closes in its finally.
  throw new Error('Not implemented yet: write withResource() (README tasks 3 and 4).');
}

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
export function withFooter(
  lines: Iterable<string>,
  footer: string,
): Generator<string, string | void, unknown> {
  // TODO: a generator function: yield the lines in a try, and the footer in its finally.
  throw new Error('Not implemented yet: write withFooter() (README task 5).');
}
