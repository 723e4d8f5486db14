// labelled while loop for range, count by tail yield* recursion-free loop over an outer label
export function* range(
  first: number,
  second?: number,
  third?: number,
): Generator<number, void, unknown> {
  const step = third ?? 1;
  if (step === 0) {
    const msg = ['range()', 'step', 'must not be', String(step)].join(' ');
    throw new RangeError(msg);
  }
  let cursor = second === undefined ? 0 : first;
  const limit = second === undefined ? first : second;
  outer: while (true) {
    if (step > 0 && cursor >= limit) break outer;
    if (step < 0 && cursor <= limit) break outer;
    yield cursor;
    cursor += step;
  }
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  let value = start;
  for (;;) {
    yield value;
    value += step;
  }
}
