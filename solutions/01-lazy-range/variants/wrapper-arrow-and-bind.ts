// an arrow wrapper that passes its arguments on, and a bound generator function
type Range = {
  (stop: number): Generator<number, void, unknown>;
  (start: number, stop: number, step?: number): Generator<number, void, unknown>;
};

function* steps(from: number, to: number, step: number): Generator<number, void, unknown> {
  for (let i = from; step > 0 ? i < to : i > to; i += step) yield i;
}

function* rangeFrom(first: number, stop?: number, step = 1): Generator<number, void, unknown> {
  if (step === 0) throw new RangeError(`range() step must not be zero, got ${step}`);
  yield* stop === undefined ? steps(0, first, 1) : steps(first, stop, step);
}

export const range: Range = (first: number, stop?: number, step?: number) =>
  rangeFrom(first, stop, step);

function* countFrom(
  this: { unit: number },
  start = 0,
  step = this.unit,
): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}

export const count: (start?: number, step?: number) => Generator<number, never, unknown> =
  countFrom.bind({ unit: 1 });
