// accumulate restarts itself with yield* after a Reset (bounded: one level per reset chain, re-entered in a loop)
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

function* counting(): Generator<number, 'reset', number> {
  let total = 0;
  for (;;) {
    try {
      const x: number | undefined = yield total;
      if (x !== undefined) total += x;
    } catch (e) {
      if (e instanceof Reset) return 'reset';
      throw e;
    }
  }
}

export function* accumulate(): Generator<number, never, number> {
  // Each Reset ends one counting() run; the next run starts from 0 and yields it at once.
  let first = true;
  for (;;) {
    if (first) {
      first = false;
      yield* counting();
    } else {
      yield* counting();
    }
  }
}

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  const r = open();
  try {
    let line = r.readLine();
    while (line !== undefined) {
      yield line;
      line = r.readLine();
    }
  } finally {
    r.close();
  }
}

export function* withFooter(
  lines: Iterable<string>,
  footer: string,
): Generator<string, string | void, unknown> {
  try {
    for (const line of lines) yield line;
  } finally {
    yield footer;
  }
}
