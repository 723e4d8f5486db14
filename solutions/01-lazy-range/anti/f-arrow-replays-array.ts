// Kind F: an arrow wrapper hands back a real generator object, but one that only replays an array
// the wrapper filled before the first next(): a generator in name only.
function* replay(values: number[]): Generator<number, void, unknown> {
  yield* values;
}

export const range = (first: number, stop?: number, step = 1): Generator<number, void, unknown> => {
  const [from, to] = stop === undefined ? [0, first] : [first, stop];
  if (step === 0) throw new RangeError('range() step must not be zero');
  const values: number[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) values.push(i);
  return replay(values);
};

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
