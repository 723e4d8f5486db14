// run as an exported arrow; generators kept private and exported through export { as }; a labelled loop in step
type Log = (line: string) => void;
export type { Log };

function* stepGen(log: Log = console.log): Generator<number, never, unknown> {
  let s = 0;
  loop: for (;;) {
    const value = yield s++;
    log(`Step got value ${value}`);
    continue loop;
  }
}

function* coroGen(log: Log = console.log): Generator<number, never, unknown> {
  for (;;) {
    const got = yield* stepGen(log);
    log(String(got));
  }
}

export { stepGen as step, coroGen as coro };

export const run = <A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> =>
  new Promise<R>((resolve, reject) => {
    let g: Generator<unknown, R, any>;
    const onValue = (v: unknown) => go(() => g.next(v));
    const onError = (e: unknown) => go(() => g.throw(e));
    function go(resume: () => IteratorResult<unknown, R>) {
      let r;
      try {
        r = resume();
      } catch (e) {
        return reject(e);
      }
      return r.done ? resolve(r.value) : void Promise.resolve(r.value).then(onValue, onError);
    }
    go(() => {
      g = genFn(...args);
      return g.next();
    });
  });
