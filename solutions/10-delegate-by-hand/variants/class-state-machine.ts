// a Delegation class with private fields and a switch on its phase; delegate() constructs it
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

type Result = IteratorResult<unknown, unknown>;

function asResult(r: unknown, what: string): Result {
  if ((typeof r !== 'object' || r === null) && typeof r !== 'function') {
    throw new TypeError(
      `delegate: the inner ${what}() answered ${String(r)}, which is not an object`,
    );
  }
  return r as Result;
}

class Delegation implements Generator<unknown, unknown, unknown> {
  #phase: 'start' | 'yielded' | 'running' | 'done' = 'start';
  #it: Iterator<unknown, unknown, unknown> | undefined;
  #then: ((r: unknown) => Iterable<unknown, unknown, unknown>) | undefined;
  readonly #inner: Iterable<unknown, unknown, unknown>;

  constructor(
    inner: Iterable<unknown, unknown, unknown>,
    then?: (r: unknown) => Iterable<unknown, unknown, unknown>,
  ) {
    this.#inner = inner;
    this.#then = then;
  }

  #finish(value: unknown): Result {
    this.#phase = 'done';
    return { value, done: true };
  }

  #after(r: Result): Result {
    if (!r.done) {
      this.#phase = 'yielded';
      return r;
    }
    const then = this.#then;
    if (!then) return this.#finish(r.value);
    this.#then = undefined;
    this.#it = then(r.value)[Symbol.iterator]();
    return this.#after(asResult(this.#it.next(undefined), 'next'));
  }

  #resume(kind: 'next' | 'throw' | 'return', arg: unknown): Result {
    switch (this.#phase) {
      case 'running':
        throw new TypeError(`delegate: ${kind}() called while the delegation is running`);
      case 'done':
        if (kind === 'throw') throw arg;
        return { value: kind === 'return' ? arg : undefined, done: true };
      case 'start':
        if (kind === 'throw') {
          this.#phase = 'done';
          throw arg;
        }
        if (kind === 'return') return this.#finish(arg);
    }
    const starting = this.#phase === 'start';
    this.#phase = 'running';
    try {
      if (starting) {
        this.#it = this.#inner[Symbol.iterator]();
        return this.#after(asResult(this.#it.next(undefined), 'next'));
      }
      const it = this.#it!;
      if (kind === 'next') return this.#after(asResult(it.next(arg), 'next'));
      if (kind === 'throw') {
        const th = it.throw;
        if (th == null) {
          const ret = it.return;
          if (ret != null) asResult(ret.call(it), 'return');
          throw new TypeError('delegate: the inner iterator has no throw() method');
        }
        return this.#after(asResult(th.call(it, arg), 'throw'));
      }
      const ret = it.return;
      if (ret == null) return this.#finish(arg);
      const r = asResult(ret.call(it, arg), 'return');
      if (r.done) return this.#finish(r.value);
      this.#phase = 'yielded';
      return r;
    } catch (e) {
      this.#phase = 'done';
      throw e;
    }
  }

  next(...args: [] | [unknown]): Result {
    return this.#resume('next', args[0]);
  }
  throw(e: unknown): Result {
    return this.#resume('throw', e);
  }
  return(v: unknown): Result {
    return this.#resume('return', v);
  }
  [Symbol.iterator](): this {
    return this;
  }
  get [Symbol.toStringTag]() {
    return 'Delegation';
  }
  [Symbol.dispose]() {
    this.return(undefined);
  }
}

export function delegate<Y, R, N>(inner: Iterable<Y, R, N>): Generator<Y, R, N>;
export function delegate<Y, R, N, S>(
  inner: Iterable<Y, R, N>,
  then: (result: R) => Iterable<Y, S, N>,
): Generator<Y, S, N>;
export function delegate(
  inner: Iterable<unknown, unknown, unknown>,
  then?: (r: unknown) => Iterable<unknown, unknown, unknown>,
): Generator<unknown, unknown, unknown> {
  return new Delegation(inner, then);
}

export function gen(log: Log = console.log): Generator<number, string, unknown> {
  return delegate(internal('A', 3, log), () => internal('B', 2, log));
}
