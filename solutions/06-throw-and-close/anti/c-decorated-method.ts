// Kind C: accumulate is a plain static method turned into a "generator" by a decorator that wraps a hand-written object; passes the tests today?
export class Reset extends Error {
  override name = 'Reset';
}

export interface Resource {
  readLine(): string | undefined;
  close(): void;
}

function generatorLike(target: (...a: any[]) => any, _ctx: ClassMethodDecoratorContext) {
  return function (this: unknown, ...args: any[]) {
    const impl = target.apply(this, args);
    return Object.assign(impl, {
      [Symbol.toStringTag]: 'Generator',
      [Symbol.iterator]: () => impl,
    });
  };
}

class Impl {
  @generatorLike
  static accumulate(): any {
    let total = 0;
    let started = false;
    let done = false;
    return {
      next(x?: number) {
        if (done) return { value: undefined, done: true };
        if (started && x !== undefined) total += x;
        started = true;
        return { value: total, done: false };
      },
      throw(e: unknown) {
        if (!done && started && e instanceof Reset) {
          total = 0;
          return { value: 0, done: false };
        }
        done = true;
        throw e;
      },
      return(v: unknown) {
        done = true;
        return { value: v, done: true };
      },
    };
  }
}
export const accumulate: () => Generator<number, never, number> = Impl.accumulate;

export function* withResource(open: () => Resource): Generator<string, void, unknown> {
  const r = open();
  try {
    for (let line = r.readLine(); line !== undefined; line = r.readLine()) yield line;
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
