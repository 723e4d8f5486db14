// drain by recursion with an accumulator; withTotal drives its source by hand and closes it in finally
export interface Drained<Y, R> {
  yielded: Y[];
  returned: R;
}

export function* gen(): Generator<number, string, unknown> {
  yield* [1, 2];
  return 'returned value';
}

export function* withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
  const it = numbers[Symbol.iterator]();
  let sum = 0;
  let ended = false;
  try {
    for (let r = it.next(); !r.done; r = it.next()) {
      sum += r.value;
      yield r.value;
    }
    ended = true;
    return sum;
  } finally {
    if (!ended) it.return?.();
  }
}

export function drain<Y, R>(it: Iterator<Y, R>, acc: Y[] = []): Drained<Y, R> {
  const r = it.next();
  if (r.done) return { yielded: acc, returned: r.value };
  acc.push(r.value);
  return drain(it, acc);
}

export function* withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
  yield `total ${yield* withTotal(numbers)}`;
}
