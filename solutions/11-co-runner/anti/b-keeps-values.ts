// Kind B: run keeps every value the generator yielded and every value it resumed with in arrays (unbounded for long runs); passes the tests today
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

export function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  const yielded: unknown[] = [];
  const resumed: unknown[] = [];
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
      if (r.done) return resolve(r.value);
      yielded.push(r.value);
      Promise.resolve(r.value).then(
        (v) => advance(() => (resumed.push(v), g.next(v))),
        (e) => advance(() => g.throw(e)),
      );
    };
    advance(() => (g = genFn(...args)).next());
  });
}
