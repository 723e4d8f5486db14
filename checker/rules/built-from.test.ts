import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'built-from';
const HELPERS =
  'export function* islice<T>(it: Iterable<T>, n: number) {\n  yield* it;\n}\nexport function* filter<T>(it: Iterable<T>, p: (x: T) => boolean) {\n  for (const x of it) if (p(x)) yield x;\n}\n';
const built = (src: string) =>
  run(RULE, HELPERS + src, { export: 'firstEvens', helpers: ['islice', 'filter'] });

describe('built-from', () => {
  it.each([
    [
      'a plain function returning the composition',
      'export function firstEvens(xs: Iterable<number>) {\n  return islice(filter(xs, (n) => n % 2 === 0), 10);\n}',
    ],
    [
      'a generator delegating to it',
      'export function* firstEvens(xs: Iterable<number>) {\n  yield* islice(filter(xs, (n) => n % 2 === 0), 10);\n}',
    ],
    [
      'an arrow',
      'export const firstEvens = (xs: Iterable<number>) => islice(filter(xs, (n) => n % 2 === 0), 10);',
    ],
  ])('accepts %s', (_, src) => expect(built(src)).toEqual([]));
  it('accepts helpers reached as members of an object', () => {
    const src =
      'const ops = {\n  *islice(it: Iterable<number>) {\n    yield* it;\n  },\n  *filter(it: Iterable<number>) {\n    yield* it;\n  },\n  firstEvens(xs: Iterable<number>) {\n    return ops.islice(ops.filter(xs));\n  },\n};\nexport const { islice, filter, firstEvens } = ops;';
    expect(run(RULE, src, { export: 'firstEvens', helpers: ['islice', 'filter'] })).toEqual([]);
  });
  it('catches a composition kept behind a condition, and values yielded by hand', () => {
    const src =
      'export function* firstEvens(xs: Iterable<number>, count = 10) {\n  if (count < 0) yield* islice(filter(xs, (n) => n % 2 === 0), count);\n  for (const x of xs) if (x % 2 === 0) yield x;\n}';
    expect(built(src)).toEqual([`${RULE}@7`, `${RULE}@7`, `${RULE}@9`]);
  });
  it('catches a helper never used', () => {
    const src = 'export function firstEvens(xs: Iterable<number>) {\n  return islice(xs, 10);\n}';
    expect(built(src)).toEqual([`${RULE}@7`]);
  });
});
