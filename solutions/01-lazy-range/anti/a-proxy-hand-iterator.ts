// Kind A: a Proxy around a real function*, whose apply trap hands back an iterator written by
// hand instead of calling it.
function* shell(_first: number, _stop?: number, _step?: number): Generator<number, void, unknown> {}

function handRange(first: number, stop?: number, step = 1) {
  const [from, to] = stop === undefined ? [0, first] : [first, stop];
  let i = from;
  const it = {
    next() {
      if (step === 0) throw new RangeError('range() step must not be zero');
      if (step > 0 ? i >= to : i <= to) return { value: undefined, done: true as const };
      const value = i;
      i += step;
      return { value, done: false as const };
    },
    return(value?: unknown) {
      i = to;
      return { value, done: true as const };
    },
    throw(error: unknown): never {
      i = to;
      throw error;
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it;
}

export const range = new Proxy(shell, {
  apply: (_target, _self, args: Parameters<typeof shell>) => handRange(...args),
}) as unknown as (first: number, stop?: number, step?: number) => Generator<number, void, unknown>;

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
