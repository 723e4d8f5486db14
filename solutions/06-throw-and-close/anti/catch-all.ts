// Anti-solution: accumulate() catches every error as if it were a Reset, so errors meant for the
// caller vanish and the coroutine never ends.
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
      const term: number | undefined = yield total;
      if (term !== undefined) total += term;
    } catch {
      total = 0;
    }
  }
}

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  // Opened inside the body, so a return() or throw() before the first next() opens nothing.
  const resource = open();
  try {
    for (let line = resource.readLine(); line !== undefined; line = resource.readLine()) {
      yield line;
    }
  } finally {
    resource.close();
  }
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
