import { describe, expect, it } from 'vitest';
import { declaresGenerator, exportedNames, topLevelDescribes } from './source-facts.ts';
import { readmeTasks } from './readme-tasks.ts';

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

  it('reads numbered tasks from the Tasks section only, titles as written, with their lines', () => {
    const md =
      '# T\n### 0. Not yet\n## Tasks\n### 1. Count `next()`\ntext\n### 2. Two\n## Check your work\n### 3. Not a task\n';
    expect(readmeTasks(md)).toEqual([
      { number: 1, title: 'Count `next()`', line: 4 },
      { number: 2, title: 'Two', line: 6 },
    ]);
  });

  it('sees generator functions in code, never in comments or strings', () => {
    expect(declaresGenerator('// function* f() {}\nconst s = "function*";')).toBe(false);
    expect(declaresGenerator('const o = { *m() {} };')).toBe(true);
    expect(declaresGenerator('export function* f() {}')).toBe(true);
  });
});
