// static generator methods of a Coroutines class, re-exported with export { as }
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

class Coroutines {
  static *accumulate(): Generator<number, never, number> {
    let total = 0;
    for (;;) {
      try {
        const term = (yield total) as number | undefined;
        if (typeof term === 'number') total += term;
      } catch (problem) {
        if (problem instanceof Reset) {
          total = 0;
          continue;
        }
        throw problem;
      }
    }
  }
  static *withResource(open: () => Resource): Generator<string, void, unknown> {
    const file = open();
    let closed = false;
    const closeOnce = () => {
      if (!closed) {
        closed = true;
        file.close();
      }
    };
    try {
      for (;;) {
        const line = file.readLine();
        if (line === undefined) break;
        yield line;
      }
    } finally {
      closeOnce();
    }
  }
  static *withFooter(
    lines: Iterable<string>,
    footer: string,
  ): Generator<string, string | void, unknown> {
    try {
      for (const line of lines) yield line;
    } finally {
      yield footer;
    }
  }
}

const { accumulate, withResource, withFooter } = Coroutines;
export { accumulate, withResource as withResource, withFooter };
