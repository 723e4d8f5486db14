// run() builds a Runner object whose methods drive the generator; Promise.resolve adopts each yielded value
export type Log = (line: string) => void;

export function* step(log: Log = console.log): Generator<number, never, unknown> {
  for (let s = 0; ; s++) {
    const value = yield s;
    log(`Step got value ${value}`);
  }
}

export function* coro(log: Log = console.log): Generator<number, never, unknown> {
  for (;;) {
    const got = yield* step(log);
    log(String(got));
  }
}

class Runner<R> {
  private g!: Generator<unknown, R, any>;
  constructor(
    private readonly resolve: (value: R) => void,
    private readonly reject: (reason: unknown) => void,
  ) {}
  start<A extends unknown[]>(genFn: (...args: A) => Generator<unknown, R, any>, args: A): void {
    this.drive(() => {
      this.g = genFn(...args);
      return this.g.next();
    });
  }
  private drive(resume: () => IteratorResult<unknown, R>): void {
    let r: IteratorResult<unknown, R>;
    try {
      r = resume();
    } catch (e) {
      this.reject(e);
      return;
    }
    if (r.done) {
      this.resolve(r.value);
      return;
    }
    Promise.resolve(r.value).then(
      (v) => this.drive(() => this.g.next(v)),
      (e: unknown) => this.drive(() => this.g.throw(e)),
    );
  }
}

export function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  return new Promise<R>((resolve, reject) => new Runner<R>(resolve, reject).start(genFn, args));
}
