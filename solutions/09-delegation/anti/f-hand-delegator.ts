// Kind F: delegate is a function* that yield*s a hand-written Delegator iterator (which forwards next/throw/return and chains then by hand); passes the tests today?
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

export function* gen(log: Log = console.log): Generator<number, string, unknown> {
  yield* internal('A', 3, log);
  return yield* internal('B', 2, log);
}

class Delegator implements Iterator<unknown, unknown, unknown> {
  private it: Iterator<unknown, unknown, unknown> | undefined;
  constructor(
    private readonly inner: Iterable<unknown, unknown, unknown>,
    private then?: (r: unknown) => Iterable<unknown, unknown, unknown>,
  ) {}
  private settle(r: IteratorResult<unknown, unknown>): IteratorResult<unknown, unknown> {
    if (!r.done || !this.then) return r;
    const t = this.then;
    this.then = undefined;
    this.it = t(r.value)[Symbol.iterator]();
    return this.settle(this.it.next());
  }
  next(v?: unknown): IteratorResult<unknown, unknown> {
    if (!this.it) {
      this.it = this.inner[Symbol.iterator]();
      return this.settle(this.it.next());
    }
    return this.settle(this.it.next(v));
  }
  throw(e: unknown): IteratorResult<unknown, unknown> {
    const it = this.it!;
    if (!it.throw) {
      it.return?.();
      throw new TypeError('inner has no throw()');
    }
    return this.settle(it.throw(e));
  }
  return(v?: unknown): IteratorResult<unknown, unknown> {
    const it = this.it!;
    if (!it.return) return { value: v, done: true };
    const r = it.return(v);
    if (r.done) this.then = undefined;
    return r;
  }
  [Symbol.iterator]() {
    return this;
  }
}

export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function* delegate(
  inner: Iterable<unknown, unknown, unknown>,
  then?: (r: unknown) => Iterable<unknown, unknown, unknown>,
): Generator<unknown, unknown, unknown> {
  return yield* new Delegator(inner, then);
}
