// generator methods in an object literal, exported by destructuring
const ranges = {
  *range(startOrStop: number, stop?: number, step = 1): Generator<number, void, unknown> {
    let from = 0;
    let to = startOrStop;
    if (stop !== undefined) {
      from = startOrStop;
      to = stop;
    }
    if (step === 0) throw new RangeError('range(): the step must not be 0');
    let n = from;
    while (step > 0 ? n < to : n > to) {
      yield n;
      n += step;
    }
  },
  *count(start = 0, step = 1): Generator<number, never, unknown> {
    let n = start;
    while (true) {
      yield n;
      n += step;
    }
  },
};

export const { range, count } = ranges as {
  range: {
    (stop: number): Generator<number, void, unknown>;
    (start: number, stop: number, step?: number): Generator<number, void, unknown>;
  };
  count: (start?: number, step?: number) => Generator<number, never, unknown>;
};
