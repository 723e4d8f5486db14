// Anti-solution: withFooter() yields the footer after the loop instead of from a finally, so an
// early return() or throw() ends the generator without it.
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
  for (const line of lines) yield line;
  yield footer;
}
