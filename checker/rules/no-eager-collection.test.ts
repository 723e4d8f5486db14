import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const eager = (body: string, siblings?: Record<string, string>) =>
  run(
    'no-eager-collection',
    `export function* range(n: number, it: Iterable<number>) {\n${body}\n}`,
    { export: 'range' },
    { siblings },
  );
const RULE = 'no-eager-collection';

describe('no-eager-collection', () => {
  describe('catches, inside the export', () => {
    it.each([
      ['a spread into an array', 'yield* [...it];'],
      ['yield* over an array literal', 'yield* [1, 2, 3];'],
      ['Array.from', 'yield* Array.from({ length: n }, (_, i) => i);'],
      ['Array.from passed around', 'const f = Array.from;'],
      ["Array['from']", "yield* Array['from'](it);"],
      ['globalThis.Array.from', 'yield* globalThis.Array.from(it);'],
      ['Array.of', 'yield* Array.of(1, 2);'],
      ['new Array(n)', 'const a = new Array(n);'],
      ['Array(n)', 'const a = Array(n);'],
      ['push', 'const a: number[] = [];\nfor (const x of it) a.push(x);'],
      ['unshift', 'const a: number[] = [];\na.unshift(n);'],
      ['concat', 'let a: number[] = [];\na = a.concat(n);'],
      ['toArray', 'yield* (it as any).toArray();'],
      ['new Set(iterable)', 'yield* new Set(it);'],
      ['new Map(entries)', 'const m = new Map([[1, 2]]);'],
      ['yield* over a mapped array', 'declare const xs: number[];\nyield* xs.map((x) => x * 2);'],
      ['for-of over a split string', "for (const c of 'a,b'.split(',')) yield c.length;"],
      ['for-of over Object.keys', 'for (const k of Object.keys({ a: 1 })) yield k.length;'],
    ])('%s', (_, body) => {
      expect(eager(body).filter((s) => s.startsWith(RULE)).length).toBeGreaterThan(0);
    });
    it('a Set filled with add() and then iterated', () => {
      expect(
        eager('const s = new Set<number>();\nfor (const x of it) s.add(x);\nyield* s;'),
      ).toEqual([`${RULE}@3`]);
    });
    it('a Map filled with set() and then iterated through values()', () => {
      expect(
        eager('const m = new Map();\nm.set(1, n);\nfor (const v of m.values()) yield v;'),
      ).toEqual([`${RULE}@3`]);
    });
    it('an array built by a helper the export calls, even in a sibling file', () => {
      const local = run(
        RULE,
        'function all(n: number) {\n  return Array.from({ length: n });\n}\nexport function* range(n: number) {\n  yield* all(n);\n}',
        { export: 'range' },
      );
      expect(local).toEqual([`${RULE}@2`]);
      const siblings = { 'helpers.ts': 'export const all = (n: number) => [...Array(n).keys()];' };
      const far = run(
        RULE,
        "import { all } from './helpers';\nexport function* range(n: number) {\n  yield* all(n);\n}",
        { export: 'range' },
        { siblings },
      );
      expect(far.length).toBeGreaterThan(0);
    });
    it('in a class export', () => {
      const src =
        'export class Range {\n  items: number[] = [];\n  add(n: number) {\n    this.items.push(n);\n  }\n}';
      expect(run(RULE, src, { export: 'Range' })).toEqual([`${RULE}@4`]);
    });
  });

  describe('does not accuse', () => {
    it.each([
      ['a destructured tuple', 'const [a, b] = n > 0 ? [0, n] : [n, 0];\nyield a + b;'],
      ['a swap', 'let a = 0, b = 1;\n[a, b] = [b, a + b];\nyield a;'],
      ['a yielded pair', 'let i = 0;\nfor (const x of it) yield [i++, x];'],
      ['an empty array never filled', 'const none: number[] = [];\nyield none.length;'],
      [
        'a Set only consulted',
        'const seen = new Set<number>();\nfor (const x of it) {\n  if (!seen.has(x)) yield x;\n  seen.add(x);\n}',
      ],
      ['an empty Map or Set', 'const m = new Map();\nyield m.size;'],
      [
        'a call to a function of its own named map',
        'function* map(xs: Iterable<number>) {\n  yield* xs;\n}\nyield* map(it);',
      ],
      [
        'words in comments and strings',
        '// Array.from(it) and [...it] and a.push(x)\nyield "Array.from([...it]).push(1)".length;',
      ],
      [
        'a method named like a builder on its own object',
        'const me = { from: (x: number) => x };\nyield me.from(1);',
      ],
    ])('%s', (_, body) => expect(eager(body)).toEqual([]));

    it('arrays outside the export and the helpers it calls', () => {
      const src =
        'export const table = Array.from({ length: 3 });\nexport function* range(n: number) {\n  yield n;\n}';
      expect(run(RULE, src, { export: 'range' })).toEqual([]);
    });
    it('an export it cannot follow, or one that is missing', () => {
      expect(
        run(RULE, 'declare const f: any;\nexport const range = f([...[1]]);', { export: 'range' }),
      ).toEqual([]);
      expect(run(RULE, 'export const x = 1;', { export: 'range' })).toEqual([]);
    });
  });
});
