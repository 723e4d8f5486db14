// Kind A: eager array returned through a call wrapper keep(impl) that makes it look like a generator (passes tests? memory test should fail)
function keep<F extends (...a: any[]) => Iterable<number>>(impl: F) {
  return function* (...args: Parameters<F>) {
    yield* impl(...args);
  };
}
function rangeImpl(a: number, b?: number, s = 1): number[] {
  const [lo, hi] = b === undefined ? [0, a] : [a, b];
  if (s === 0) throw new RangeError('step 0');
  const out: number[] = [];
  for (let i = lo; s > 0 ? i < hi : i > hi; i += s) out.push(i);
  return out;
}
export const range = keep(rangeImpl) as unknown as (
  a: number,
  b?: number,
  s?: number,
) => Generator<number, void, unknown>;
export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
