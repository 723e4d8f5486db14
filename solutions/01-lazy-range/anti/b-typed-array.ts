// Kind B: eager: fills a Float64Array (memory outside the V8 heap) at the first next(), reads stop once; passes the tests today
export function* range(a: number, b?: number, s = 1): Generator<number, void, unknown> {
  const start = b === undefined ? 0 : +a;
  const stop = b === undefined ? +a : +b;
  const step = +s;
  if (step === 0) throw new RangeError('range() step must not be zero');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const all = new Float64Array(n);
  for (let i = 0; i < n; i++) all[i] = start + i * step;
  for (const v of all) yield v;
}

export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
