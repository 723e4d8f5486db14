// a Proxy that logs nothing and forwards calls to a generator function; generator methods of an
// object literal exported by destructuring
const impl = {
  *range(first: number, stop?: number, step = 1): Generator<number, void, unknown> {
    const [from, to] = stop === undefined ? [0, first] : [first, stop];
    if (step === 0) throw new RangeError('range() step must not be zero');
    for (let i = from; step > 0 ? i < to : i > to; i += step) yield i;
  },
  *count(start = 0, step = 1): Generator<number, never, unknown> {
    for (let i = start; ; i += step) yield i;
  },
};

const calls = { range: 0 };

export const range = new Proxy(impl.range, {
  apply(target, self, args: Parameters<typeof impl.range>) {
    calls.range += 1;
    return Reflect.apply(target, self, args);
  },
}) as {
  (stop: number): Generator<number, void, unknown>;
  (start: number, stop: number, step?: number): Generator<number, void, unknown>;
};

export const { count } = impl;
