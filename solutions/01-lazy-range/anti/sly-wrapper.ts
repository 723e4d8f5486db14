// Anti-solution: sly. The loop is a real generator, but range() itself is a plain function that
// sorts its arguments out and decides the direction (step > 0) when it is called, before anyone
// asked for a value. A range(stop) call shows nothing; a step that is read too early does.
export function range(
  startOrStop: number,
  stop?: number,
  step = 1,
): Generator<number, void, unknown> {
  const [start, end] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
  if (step === 0) throw new RangeError('range() step must not be zero');
  const up = step > 0;
  return (function* () {
    for (let i = start; up ? i < end : i > end; i += step) yield i;
  })();
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
