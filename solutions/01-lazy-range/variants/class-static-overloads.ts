// generator functions as static methods of a class, re-exported under other names
class Py {
  static *rangeImpl(a: number, b?: number, c = 1): Generator<number, void, unknown> {
    const [from, to] = b === undefined ? [0, a] : [a, b];
    if (c === 0) throw new RangeError(`range() step must not be zero (got ${c})`);
    const more = c > 0 ? (v: number) => v < to : (v: number) => v > to;
    for (let v = from; more(v); v += c) yield v;
  }

  static *countImpl(start = 0, step = 1): Generator<number, never, unknown> {
    for (let k = 0; ; k++) yield start + k * step;
  }
}

export function range(stop: number): Generator<number, void, unknown>;
export function range(start: number, stop: number, step?: number): Generator<number, void, unknown>;
export function* range(a: number, b?: number, c = 1): Generator<number, void, unknown> {
  yield* Py.rangeImpl(a, b, c);
}

const countImpl = Py.countImpl;
export { countImpl as count };
