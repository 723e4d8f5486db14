// accumulate with a labelled loop and a caught-error check via a lookup of handlers; withResource reads ahead with a do/while
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

const handlers: ReadonlyArray<[new (...a: never[]) => unknown, () => number]> = [[Reset, () => 0]];

export function* accumulate(): Generator<number, never, number> {
  let total = 0;
  run: for (;;) {
    let sent: number | undefined;
    try {
      sent = yield total;
    } catch (err) {
      const h = handlers.find(([cls]) => err instanceof cls);
      if (!h) throw err;
      total = h[1]();
      continue run;
    }
    if (sent !== undefined) total += sent;
  }
}

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  const res = open();
  try {
    let line: string | undefined;
    do {
      line = res.readLine();
      if (line !== undefined) yield line;
    } while (line !== undefined);
  } finally {
    res.close();
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
