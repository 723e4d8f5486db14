// the generators as methods of one object, destructured; drain as a while loop over a result variable
export interface Drained<Y, R> {
  yielded: Y[];
  returned: R;
}

const post = {
  *gen(): Generator<number, string, unknown> {
    yield 1;
    yield 2;
    return 'returned value';
  },
  *withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
    let total = 0;
    for (const n of numbers) {
      total += n;
      yield n;
    }
    return total;
  },
  *withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
    const total: number = yield* post.withTotal(numbers);
    yield `total ${total}`;
  },
};

export const { gen, withTotal, withSummary } = post;

export function drain<Y, R>(it: Iterator<Y, R>): Drained<Y, R> {
  const yielded: Y[] = [];
  let r = it.next();
  while (!r.done) {
    yielded.push(r.value);
    r = it.next();
  }
  return { yielded, returned: r.value };
}
