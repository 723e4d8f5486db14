// averager updates the mean incrementally (mean += (x - mean) / n), gen via a do-while, exports through export { as }
function* hello(
  start = 0,
  log: (line: string) => void = console.log,
): Generator<number, never, unknown> {
  let i = start;
  do {
    const value = yield i;
    log(`Got ${value}`);
    i++;
  } while (true);
}

function* runningMean(): Generator<number | undefined, never, number> {
  let mean: number | undefined;
  let count = 0;
  let total = 0;
  while (true) {
    const x = (yield mean) as number | undefined;
    if (x === undefined) continue;
    count += 1;
    total += x;
    mean = total / count;
  }
}

function prime<A extends unknown[], Y, R, N>(make: (...args: A) => Generator<Y, R, N>) {
  return (...args: A): Generator<Y, R, N> => {
    const it = make(...args);
    it.next();
    return it;
  };
}

export { hello as gen, runningMean as averager, prime as primed };
