// the three coroutines as generator methods on an object, exported by destructuring
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

const coroutines = {
  *accumulate(): Generator<number, never, number> {
    let total = 0;
    while (true) {
      try {
        const x: number | undefined = yield total;
        total += x ?? 0;
      } catch (e) {
        if (e instanceof Reset) total = 0;
        else throw e;
      }
    }
  },
  *withResource(open: () => Resource): Generator<string, void, unknown> {
    const r = open();
    try {
      while (true) {
        const line = r.readLine();
        if (line === undefined) return;
        yield line;
      }
    } finally {
      r.close();
    }
  },
  *withFooter(lines: Iterable<string>, footer: string): Generator<string, string | void, unknown> {
    try {
      for (const line of lines) yield line;
    } finally {
      yield footer;
    }
  },
};

export const { accumulate, withResource, withFooter } = coroutines;
