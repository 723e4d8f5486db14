// a TrackedGenerator class with private fields; track() is an arrow that constructs it
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

class TrackedGenerator<T, R, N> implements Tracked<T, R, N> {
  #state: GeneratorState = 'created';
  readonly #inner: Generator<T, R, N>;
  constructor(inner: Generator<T, R, N>) {
    this.#inner = inner;
  }
  get state(): GeneratorState {
    return this.#state;
  }
  #enter(call: () => IteratorResult<T, R>): IteratorResult<T, R> {
    if (this.#state === 'running') throw new TypeError('generator already running: no re-entry');
    this.#state = 'running';
    let answer: IteratorResult<T, R>;
    try {
      answer = call();
    } catch (e) {
      this.#state = 'closed';
      throw e;
    }
    this.#state = answer.done ? 'closed' : 'suspended';
    return answer;
  }
  next(...args: [] | [N]): IteratorResult<T, R> {
    return this.#enter(() => this.#inner.next(...args));
  }
  return(value: R): IteratorResult<T, R> {
    return this.#enter(() => this.#inner.return(value));
  }
  throw(e: unknown): IteratorResult<T, R> {
    return this.#enter(() => this.#inner.throw(e));
  }
  [Symbol.iterator](): this {
    return this;
  }
  [Symbol.dispose](): void {
    this.return(undefined as R);
  }
  get [Symbol.toStringTag]() {
    return 'TrackedGenerator';
  }
}

export const track = <T, R, N>(gen: Generator<T, R, N>): Tracked<T, R, N> =>
  new TrackedGenerator(gen);
