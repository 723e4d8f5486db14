// Anti-solution: lazy, but includes stop itself (<= instead of <).
export function* range(
  startOrStop: number,
  stop?: number,
  step = 1,
): Generator<number, void, unknown> {
  const [start, end] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
  if (step === 0) throw new RangeError('range() step must not be zero');
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) yield i;
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
