// Kind I: patches Promise.prototype.then (through an alias of the prototype) so every then callback runs via queueMicrotask with a counter; run itself is honest; passes the tests today? (tampering that must be stopped)
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

const P = Object.getPrototypeOf(Promise.resolve()) as { then: (...a: unknown[]) => unknown };
const originalThen = P.then;
let hops = 0;
P.then = function (this: Promise<unknown>, ...a: unknown[]) {
  hops++;
  return originalThen.apply(this, a);
};

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
