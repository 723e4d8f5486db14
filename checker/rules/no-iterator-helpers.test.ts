import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-iterator-helpers';
const helpers = (src: string) => run(RULE, src);

describe('no-iterator-helpers', () => {
  describe('catches', () => {
    it.each([
      ['Iterator.from', 'export const it = Iterator.from([1]);'],
      ['Iterator.prototype', 'const p = Iterator.prototype;'],
      ['globalThis.Iterator', 'const I = globalThis.Iterator;'],
      ['a class extending Iterator', 'export class It extends Iterator<number> {}'],
      ['.take()', 'declare const it: any;\nexport const t = it.take(3);'],
      ['.drop()', 'declare const it: any;\nexport const t = it.drop(3);'],
      ['.toArray()', 'declare const it: any;\nexport const t = it.toArray();'],
      ['.values().map()', 'export const t = [1, 2].values().map((x) => x * 2);'],
      ['.entries().filter()', 'export const t = new Map().entries().filter(() => true);'],
      [
        '[Symbol.iterator]().flatMap()',
        'export const t = [1][Symbol.iterator]().flatMap((x) => [x]);',
      ],
      [
        '.map() on a local generator',
        'function* nat() {\n  yield 1;\n}\nexport const t = nat().map((x) => x);',
      ],
      ['a chain of helpers', 'export const t = [1].values().map((x) => x).filter(Boolean);'],
    ])('%s', (_, src) => expect(helpers(src).length).toBeGreaterThan(0));
  });
  describe('does not accuse', () => {
    it.each([
      [
        "the learner's own take(src, n)",
        'export function* take<T>(src: Iterable<T>, n: number) {\n  for (const x of src) if (n-- > 0) yield x;\n}\nexport const t = take([1], 1);',
      ],
      ['array map and filter', 'export const t = [1, 2].map((x) => x).filter(Boolean);'],
      ['Object.entries(...).map()', 'export const t = Object.entries({ a: 1 }).map(([k]) => k);'],
      [
        'a .take() method the learner wrote',
        'class Lazy {\n  take(n: number) {\n    return n;\n  }\n}\nexport const t = new Lazy().take(1);',
      ],
      [
        'Iterator in types',
        'export class It implements Iterator<number> {\n  next(): IteratorResult<number> {\n    return { value: 1, done: false };\n  }\n}\nlet x: Iterator<number>;',
      ],
      [
        'words in comments and strings',
        '// Iterator.from(x).take(2)\nexport const s = "it.toArray()";',
      ],
      ['a local named Iterator', 'class Iterator {\n  static from() {}\n}\nIterator.from();'],
      [
        '.map() on an iterator it cannot see is one',
        'declare const it: any;\nexport const t = it.map((x: number) => x);',
      ],
    ])('%s', (_, src) => expect(helpers(src)).toEqual([]));
  });
});
