// Kind B: withResource keeps every line it ever read in a Map keyed by line number (an eager copy of the resource); passes the tests today
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
      const x: number | undefined = yield total;
      if (x !== undefined) total += x;
    } catch (e) {
      if (!(e instanceof Reset)) throw e;
      total = 0;
    }
  }
}

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  const r = open();
  const seen = new Map<number, string>();
  try {
    for (let line = r.readLine(); line !== undefined; line = r.readLine()) {
      seen.set(seen.size, line);
      yield line;
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
