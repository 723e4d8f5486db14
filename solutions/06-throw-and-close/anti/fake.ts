// Anti-solution: withResource() is a hand-written object imitating a generator. It opens the
// resource as soon as it is called, so a return() before the first next() still opens and closes.
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

export function withResource(open: () => Resource): Generator<string, void, unknown> {
  const resource = open();
  let closed = false;
  const finish = () => {
    if (!closed) resource.close();
    closed = true;
    return { value: undefined, done: true as const };
  };
  const it = {
    next() {
      if (closed) return finish();
      let line: string | undefined;
      try {
        line = resource.readLine();
      } catch (err) {
        finish();
        throw err;
      }
      return line === undefined ? finish() : { value: line, done: false as const };
    },
    return: finish,
    throw(err: unknown) {
      finish();
      throw err;
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it as unknown as Generator<string, void, unknown>;
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
