// Kind G: coro does not delegate to step: it repeats step's loop itself (no yield*); passes the tests today?
export type Log = (line: string) => void;

export function* step(log: Log = console.log): Generator<number, never, unknown> {
  for (let s = 0; ; s++) {
    const value = yield s;
    log(`Step got value ${value}`);
  }
}

export function* coro(log: Log = console.log): Generator<number, never, unknown> {
  for (let s = 0; ; s++) log(`Step got value ${yield s}`);
}

export function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let g: Generator<unknown, R, any>;
    const advance = (resume: () => IteratorResult<unknown, R>): void => {
      let r: IteratorResult<unknown, R>;
      try {
        r = resume();
      } catch (e) {
        reject(e);
        return;
      }
      if (r.done) resolve(r.value);
      else
        Promise.resolve(r.value).then(
          (v) => advance(() => g.next(v)),
          (e) => advance(() => g.throw(e)),
        );
    };
    advance(() => (g = genFn(...args)).next());
  });
}
