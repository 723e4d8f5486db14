// Kind F: withResource is a function* shell around yield* of a hand-written iterator whose return()/throw() close the resource; passes the tests today
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

class Lines implements Iterator<string, void, unknown> {
  private res: Resource | undefined;
  private closed = false;
  constructor(private readonly open: () => Resource) {}
  private close(): void {
    if (this.res && !this.closed) {
      this.closed = true;
      this.res.close();
    }
  }
  next(): IteratorResult<string, void> {
    if (this.closed) return { value: undefined, done: true };
    this.res ??= this.open();
    let line: string | undefined;
    try {
      line = this.res.readLine();
    } catch (e) {
      this.close();
      throw e;
    }
    if (line === undefined) {
      this.close();
      return { value: undefined, done: true };
    }
    return { value: line, done: false };
  }
  return(): IteratorResult<string, void> {
    this.close();
    return { value: undefined, done: true };
  }
  throw(e: unknown): IteratorResult<string, void> {
    this.close();
    throw e;
  }
  [Symbol.iterator]() {
    return this;
  }
}

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  yield* new Lines(open);
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
