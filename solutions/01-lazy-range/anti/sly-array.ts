// Anti-solution: a generator in name only. It yields, so a grep for "yield" is satisfied, but it
// delegates to an array built up front, so memory grows with the range.
export function* range(
  startOrStop: number,
  stop?: number,
  step = 1,
): Generator<number, void, unknown> {
  const [start, end] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
  if (step === 0) throw new RangeError('range() step must not be zero');
  const length = Math.max(0, Math.ceil((end - start) / step));
  yield* Array.from({ length }, (_, k) => start + k * step);
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
