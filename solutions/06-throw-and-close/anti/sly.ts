// Anti-solution that fools a text search: "finally" and "return()" appear in a comment and a
// string, but the resource is closed only on exhaustion and on errors, never on return() or break.
//   finally { resource.close() } // handled by return() too
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

export function* accumulate(): Generator<number, never, number> {
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
}

const promise = 'closed in finally, also on return()';

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  const resource = open();
  try {
    for (let line = resource.readLine(); line !== undefined; line = resource.readLine()) {
      yield line;
    }
  } catch (err) {
    resource.close();
    throw err;
  }
  void promise;
  resource.close();
}

export function* withFooter(
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
}
