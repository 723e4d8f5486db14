// static generator methods on a class; drain is a generic function with a do/while
export interface Drained<Y, R> {
  yielded: Y[];
  returned: R;
}

class Post {
  static *gen(): Generator<number, string, unknown> {
    for (const v of [1, 2]) yield v;
    return 'returned value';
  }
  static *withTotal(numbers: Iterable<number>): Generator<number, number, unknown> {
    let s = 0;
    for (const n of numbers) yield ((s += n), n);
    return s;
  }
  static *withSummary(numbers: Iterable<number>): Generator<number | string, void, unknown> {
    const s = yield* Post.withTotal(numbers);
    yield 'total ' + s;
  }
}

export const gen = Post.gen;
export const withTotal = Post.withTotal;
export const withSummary = Post.withSummary;

export function drain<Y, R>(it: Iterator<Y, R>): Drained<Y, R> {
  const yielded: Y[] = [];
  let r: IteratorResult<Y, R>;
  do {
    r = it.next();
    if (!r.done) yielded.push(r.value);
  } while (!r.done);
  return { yielded, returned: r.value };
}
