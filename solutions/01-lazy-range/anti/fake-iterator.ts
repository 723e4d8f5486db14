// Anti-solution: a fake iterator. range() hands back a hand-made object with next(), return(),
// throw() and [Symbol.iterator](), lazy and exact, so every sequence comes out right, but it is
// no generator: the exercise is about function* and yield.
export function range(
  startOrStop: number,
  stop?: number,
  step = 1,
): Generator<number, void, unknown> {
  let started = false;
  let finished = false;
  let i = 0;
  let end = 0;
  const it = {
    next(): IteratorResult<number, void> {
      if (!started) {
        // Sort the arguments out on the first next(), as a generator's body would.
        started = true;
        [i, end] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
        if (step === 0) throw new RangeError('range() step must not be zero');
      }
      if (finished || !(step > 0 ? i < end : i > end)) {
        finished = true;
        return { value: undefined, done: true };
      }
      const value = i;
      i += step;
      return { value, done: false };
    },
    return(): IteratorResult<number, void> {
      finished = true;
      return { value: undefined, done: true };
    },
    throw(err: unknown): IteratorResult<number, void> {
      finished = true;
      throw err;
    },
    [Symbol.iterator]() {
      return it;
    },
  };
  return it as unknown as Generator<number, void, unknown>;
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
