// Anti-solution: the spec's loop inside a function*, the closest a generator body can get. It
// cannot see the value passed to return(v), so it closes the inner with return(undefined) from
// its finally, and it cannot tell the inner's own done answer to a return() from a normal end.
export type Log = (line: string) => void;

export function* internal(
  name: string,
  limit: number,
  log: Log = console.log,
): Generator<number, string, unknown> {
  for (let i = 0; i < limit; i++) {
    const got = yield i;
    log(`${name} got: ${got}`);
  }
  return `${name} finished`;
}

export function gen(log: Log = console.log): Generator<number, string, unknown> {
  return delegate(internal('A', 3, log), () => internal('B', 2, log));
}

export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function* delegate<Y, N>(
  inner: Iterable<Y, unknown, N>,
  then?: (result: unknown) => Iterable<Y, unknown, N>,
): Generator<Y, unknown, N> {
  let result: unknown;
  for (const source of [inner, then]) {
    if (source === undefined) break;
    const iterator: Iterator<Y, unknown, N> =
      source === inner ? inner[Symbol.iterator]() : then!(result)[Symbol.iterator]();
    let answer = iterator.next();
    let finished = false;
    try {
      while (!answer.done) {
        let sent: N;
        try {
          sent = yield answer.value;
        } catch (error) {
          if (!iterator.throw) {
            iterator.return?.();
            throw new TypeError('the inner iterator has no throw() method');
          }
          answer = iterator.throw(error);
          continue;
        }
        answer = iterator.next(sent);
      }
      finished = true;
    } finally {
      // Reached without `finished` only when the outer is being returned from.
      if (!finished) iterator.return?.();
    }
    result = answer.value;
  }
  return result;
}
