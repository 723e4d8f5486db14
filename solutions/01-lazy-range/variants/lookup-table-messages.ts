// a small lookup table of comparisons, an error message built with .concat, a labelled loop
const BEFORE_END = {
  up: (i: number, end: number) => i < end,
  down: (i: number, end: number) => i > end,
} as const;

export function range(stop: number): Generator<number, void, unknown>;
export function range(start: number, stop: number, step?: number): Generator<number, void, unknown>;
export function* range(a: number, b?: number, step = 1): Generator<number, void, unknown> {
  const [start, end] = b === undefined ? [0, a] : [a, b];
  if (step === 0) throw new RangeError('range() step must not be '.concat(String(step)));
  const inside = BEFORE_END[step > 0 ? 'up' : 'down'];
  let i = start;
  walk: while (true) {
    if (!inside(i, end)) break walk;
    yield i;
    i += step;
  }
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  let next = start;
  forever: for (;;) {
    yield next;
    next += step;
    continue forever;
  }
}
