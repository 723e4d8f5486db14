import { describe, expect, it } from 'vitest';
import { check, run, spots } from '../testing.ts';

const RULE = 'not-generator';
const HAND = [
  'export class RangeIterator {',
  '  i = 0;',
  '  next() {',
  '    return { value: this.i++, done: false };',
  '  }',
  '  [Symbol.iterator]() {',
  '    return this;',
  '  }',
  '}',
].join('\n');

describe('not-generator', () => {
  describe('catches', () => {
    it('a generator method in the class', () => {
      const src = 'export class Range {\n  *[Symbol.iterator]() {\n    yield 1;\n  }\n}';
      expect(run(RULE, src, { export: 'Range' })).toEqual([`${RULE}@2`]);
    });
    it('a generator function the export is', () => {
      expect(run(RULE, 'export function* track() {}', { export: 'track' })).toEqual([`${RULE}@1`]);
    });
    it('a private generator helper the export hands its work to', () => {
      const src =
        'function* walk() {\n  yield 1;\n}\nexport function track() {\n  return walk();\n}';
      expect(run(RULE, src, { export: 'track' })).toEqual([`${RULE}@1`]);
    });
    it('a missing export', () => {
      expect(run(RULE, HAND, { export: 'Range' })).toEqual([`${RULE}@1`]);
    });
  });
  describe('accepts', () => {
    it('a hand-written iterator', () => {
      expect(run(RULE, HAND, { export: 'RangeIterator' })).toEqual([]);
    });
    it('calling a generator the exercise exports in its own right', () => {
      const src =
        'export function* internal() {\n  yield 1;\n}\nexport function gen() {\n  return wrap(internal());\n}\nfunction wrap<T>(it: T) {\n  return it;\n}';
      const checks = [
        { rule: RULE, export: 'gen' },
        { rule: 'generator-function', export: 'internal' },
      ];
      expect(spots(check(src, checks))).toEqual([]);
    });
    it('and not when nothing asks for that export to be a generator', () => {
      const src =
        'export function* helper() {\n  yield 1;\n}\nexport function gen() {\n  return helper();\n}';
      expect(run(RULE, src, { export: 'gen' })).toEqual([`${RULE}@1`]);
    });
    it('"function*" in comments and strings', () => {
      const src = '// function* nope() {}\nexport function track() {\n  return "function*";\n}';
      expect(run(RULE, src, { export: 'track' })).toEqual([]);
    });
  });
});
