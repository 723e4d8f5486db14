import { describe, expect, it } from 'vitest';
import {
  declaresGenerator,
  exportedNames,
  readmeTasks,
  topLevelDescribes,
} from './source-facts.ts';

describe('source facts', () => {
  it('lists exports of every kind', () => {
    const text = [
      'export function a() {}',
      'export function* b() {}',
      'export const c = 1, d = 2;',
      'export class E {}',
      'export type F = number;',
      'const g = 1; export { g, g as h };',
      'export default 3;',
      'function notMe() {}',
    ].join('\n');
    expect([...exportedNames(text)].sort()).toEqual([
      'E',
      'F',
      'a',
      'b',
      'c',
      'd',
      'default',
      'g',
      'h',
    ]);
  });

  it('reads top-level describe titles only', () => {
    const text =
      "describe('1. One', () => { describe('inner', () => {}); });\ndescribe(`2. Two`, () => {});";
    expect(topLevelDescribes(text)).toEqual(['1. One', '2. Two']);
  });

  it('reads numbered tasks from the Tasks section, backticks dropped', () => {
    const md =
      '# T\n## Tasks\n### 1. Count `next()`\ntext\n### 2. Two\n## Check your work\n### 3. Not a task\n';
    expect(readmeTasks(md)).toEqual([
      { number: 1, title: 'Count next()' },
      { number: 2, title: 'Two' },
    ]);
  });

  it('sees generator functions in code, never in comments or strings', () => {
    expect(declaresGenerator('// function* f() {}\nconst s = "function*";')).toBe(false);
    expect(declaresGenerator('const o = { *m() {} };')).toBe(true);
    expect(declaresGenerator('export function* f() {}')).toBe(true);
  });
});
