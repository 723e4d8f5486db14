// one recursive drive(method, arg) with 'next' | 'throw' picked from the generator by name; step/coro as object generator methods
export type Log = (line: string) => void;

const pair = {
  *step(log: Log = console.log): Generator<number, never, unknown> {
    let s = 0;
    while (true) {
      const value = yield s;
      log('Step got value ' + value);
      s += 1;
    }
  },
  *coro(log: Log = console.log): Generator<number, never, unknown> {
    while (true) log(String(yield* pair.step(log)));
  },
};
export const { step, coro } = pair;

export function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let g: Generator<unknown, R, any> | undefined;
    const drive = (method: 'next' | 'throw', arg?: unknown): void => {
      let r: IteratorResult<unknown, R>;
      try {
        g ??= genFn(...args);
        r = method === 'next' ? g.next(arg) : g.throw(arg);
      } catch (error) {
        return reject(error);
      }
      if (r.done) return resolve(r.value);
      new Promise((adopt) => adopt(r.value)).then(
        (v) => drive('next', v),
        (e) => drive('throw', e),
      );
    };
    drive('next');
  });
}
