// run keeps an explicit settled flag and a resume function stored in a small lookup of handlers
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

export default function run<A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
): Promise<R> {
  let settle!: { ok: (v: R) => void; fail: (e: unknown) => void };
  const promise = new Promise<R>((ok, fail) => (settle = { ok, fail }));
  let gen: Generator<unknown, R, any> | null = null;
  const handlers = {
    next: (v: unknown) => gen!.next(v),
    throw: (e: unknown) => gen!.throw(e),
  };
  const pump = (kind: keyof typeof handlers, arg: unknown) => {
    let r: IteratorResult<unknown, R>;
    try {
      if (gen === null) {
        gen = genFn(...args);
        r = gen.next();
      } else r = handlers[kind](arg);
    } catch (e) {
      settle.fail(e);
      return;
    }
    if (r.done) settle.ok(r.value);
    else
      Promise.resolve(r.value).then(
        (v) => pump('next', v),
        (e) => pump('throw', e),
      );
  };
  pump('next', undefined);
  return promise;
}
export { run };
