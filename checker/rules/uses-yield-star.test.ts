import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'uses-yield-star';
const uses = (source: string, exp = 'chain') => run(RULE, source, { export: exp });

describe('uses-yield-star', () => {
  describe('catches', () => {
    it('a loop that re-yields by hand', () => {
      expect(
        uses(
          'export function* chain(...its: Iterable<number>[]) {\n  for (const it of its) for (const x of it) yield x;\n}',
        ),
      ).toEqual([`${RULE}@1`]);
    });
    it('"yield*" in a comment or a string only', () => {
      const src =
        '// yield* it\nexport function* chain(it: Iterable<number>) {\n  yield "yield* it";\n}';
      expect(uses(src)).toEqual([`${RULE}@2`]);
    });
    it('yield* over a one-value array, which only looks like delegation', () => {
      const src =
        'export function* chain(a: Iterable<number>) {\n  for (const x of a) yield* [x];\n}';
      expect(uses(src)).toEqual([`${RULE}@1`]);
    });
    it('a missing export', () => {
      expect(uses('export function* other() {}')).toEqual([`${RULE}@1`]);
    });
    it('yield* only in another export', () => {
      expect(
        uses(
          'export function* other() {\n  yield* [1];\n}\nexport function* chain() {\n  yield 1;\n}',
        ),
      ).toEqual([`${RULE}@4`]);
    });
  });
  describe('accepts', () => {
    it('yield* in the export', () => {
      expect(uses('export function* chain(a: Iterable<number>) {\n  yield* a;\n}')).toEqual([]);
    });
    it('yield* in a helper the export calls', () => {
      expect(
        uses(
          'function* inner(a: number[]) {\n  yield* a;\n}\nexport const chain = (a: number[]) => inner(a);',
        ),
      ).toEqual([]);
    });
    it('yield* in a generator method of an exported class', () => {
      expect(
        uses(
          'export class Chain {\n  items = [1];\n  *[Symbol.iterator]() {\n    yield* this.items;\n  }\n}',
          'Chain',
        ),
      ).toEqual([]);
    });
    it('an export it cannot follow: unverifiable, not passed', () => {
      expect(uses('declare const make: any;\nexport const chain = make();')).toEqual([
        'unverifiable@2',
      ]);
    });
  });
});
