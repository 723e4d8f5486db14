import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'iterator-class';
const cls = (body: string, params: object = {}) =>
  run(RULE, `export class It {\n${body}\n}`, { export: 'It', ...params });

describe('iterator-class', () => {
  describe('catches', () => {
    it('a class without [Symbol.iterator]', () => {
      expect(cls('  next() {\n    return { value: 1, done: false };\n  }')).toEqual([`${RULE}@1`]);
    });
    it('[Symbol.iterator]() returning this, with no next()', () => {
      expect(cls('  [Symbol.iterator]() {\n    return this;\n  }')).toEqual([`${RULE}@2`]);
    });
    it('[Symbol.iterator]() returning an object without next()', () => {
      expect(cls('  [Symbol.iterator]() {\n    return { done: true };\n  }')).toEqual([
        `${RULE}@2`,
      ]);
    });
    it('a function where a class is wanted, and a missing export', () => {
      expect(run(RULE, 'export function It() {}', { export: 'It' })).toEqual([`${RULE}@1`]);
      expect(run(RULE, 'export class Other {}', { export: 'It' })).toEqual([`${RULE}@1`]);
    });
    it('a sync iterator where an async one is wanted', () => {
      const body =
        '  next() {\n    return { value: 1, done: false };\n  }\n  [Symbol.iterator]() {\n    return this;\n  }';
      expect(cls(body, { async: true })).toEqual([`${RULE}@1`]);
    });
    it('an `implements Iterator` clause does not stand in for the methods', () => {
      const src =
        'export class It implements Iterator<number> {\n  [Symbol.iterator]() {\n    return this;\n  }\n}';
      expect(run(RULE, src, { export: 'It' })).toEqual([`${RULE}@2`]);
    });
  });
  describe('accepts', () => {
    it('next() on the class and [Symbol.iterator]() returning this', () => {
      expect(
        cls(
          '  next() {\n    return { value: 1, done: false };\n  }\n  [Symbol.iterator]() {\n    return this;\n  }',
        ),
      ).toEqual([]);
    });
    it('[Symbol.iterator]() returning an object with next()', () => {
      expect(
        cls(
          '  [Symbol.iterator]() {\n    let i = 0;\n    return { next: () => ({ value: i++, done: false }) };\n  }',
        ),
      ).toEqual([]);
    });
    it('[Symbol.iterator]() returning a new iterator of another class with next()', () => {
      const src =
        'class Walker {\n  next() {\n    return { value: 0, done: true };\n  }\n}\nexport class It {\n  [Symbol.iterator]() {\n    return new Walker();\n  }\n}';
      expect(run(RULE, src, { export: 'It' })).toEqual([]);
    });
    it('an async iterator class', () => {
      const body =
        '  async next() {\n    return { value: 1, done: false };\n  }\n  [Symbol.asyncIterator]() {\n    return this;\n  }';
      expect(cls(body, { async: true })).toEqual([]);
    });
  });
  describe('does not accuse what it cannot follow', () => {
    it.each([
      ['a generator method', '  *[Symbol.iterator]() {\n    yield 1;\n  }'],
      [
        'a delegated iterator',
        '  xs = [1];\n  [Symbol.iterator]() {\n    return this.xs[Symbol.iterator]();\n  }',
      ],
    ])('%s', (_, body) => expect(cls(body)).toEqual([]));
    it('a class that extends another', () => {
      expect(run(RULE, 'class Base {}\nexport class It extends Base {}', { export: 'It' })).toEqual(
        [],
      );
    });
  });
});
