// gen and averager as generator methods of an object, destructured; primed as an arrow returning an arrow
const coroutines = {
  *gen(start = 0, log: (line: string) => void = console.log): Generator<number, never, unknown> {
    let n = start;
    while (true) {
      const got = yield n++;
      log(`Got ${got}`);
    }
  },
  *averager(): Generator<number | undefined, never, number> {
    let sum = 0;
    let terms = 0;
    let received: number | undefined = yield undefined;
    for (;;) {
      if (received !== undefined) {
        sum += received;
        terms++;
      }
      received = yield terms ? sum / terms : undefined;
    }
  },
};

export const { gen, averager } = coroutines;

export const primed =
  <A extends unknown[], Y, R, N>(genFn: (...args: A) => Generator<Y, R, N>) =>
  (...args: A): Generator<Y, R, N> => {
    const g = genFn(...args);
    g.next();
    return g;
  };
