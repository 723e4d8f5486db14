import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../catalog.ts';
import { structureProblems } from './structure.ts';

/** A throwaway exercise with its solution; `files` overrides or removes (null) single files. */
function fixture(files: Record<string, string | null> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'structure-'));
  const defaults: Record<string, string> = {
    'exercises/01-demo/README.md':
      '# Demo\n## Tasks\n### 1. First\n### 2. Second\n## Check your work\n',
    'exercises/01-demo/demo.ts':
      '// a function* in a comment is fine\nexport function f(): never { throw new Error(); }\n',
    'exercises/01-demo/demo.test.ts':
      "describe('1. First', () => {});\ndescribe('2. Second', () => {});\n",
    'solutions/01-demo/demo.ts': 'export function* f() {}\n',
    'solutions/01-demo/anti/anti.json': JSON.stringify([
      { file: 'a.ts', why: 'eager one', rejectedBy: { rule: 'no-eager-collection' } },
      { file: 'b.ts', why: 'fake one', rejectedBy: { test: '1. First > x' } },
    ]),
    'solutions/01-demo/anti/a.ts': '',
    'solutions/01-demo/anti/b.ts': '',
  };
  for (const [path, text] of Object.entries({ ...defaults, ...files })) {
    if (text === null) continue;
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const exercise = {
    id: '01-demo',
    number: 1,
    slug: 'demo',
    dir: join(root, 'exercises', '01-demo'),
    stubFile: 'demo.ts',
    testFile: 'demo.test.ts',
  } as Exercise;
  return structureProblems(exercise, join(root, 'solutions')).map((p) => p.message);
}

describe('exercise structure', () => {
  it('finds nothing wrong with a complete exercise', () => {
    expect(fixture()).toEqual([]);
  });

  it('names a missing file and what it is for', () => {
    expect(fixture({ 'solutions/01-demo/demo.ts': null })).toEqual([
      'missing: add the solution (see CONTRIBUTING.md).',
    ]);
  });

  it('wants one describe per README task, same text', () => {
    const [problem] = fixture({
      'exercises/01-demo/demo.test.ts': "describe('1. First', () => {});",
    });
    expect(problem).toMatch(/do not match the README tasks/);
  });

  it('wants the solution to export what the stub exports', () => {
    expect(fixture({ 'solutions/01-demo/demo.ts': 'export function* g() {}' })).toEqual([
      'does not export f: export what the stub exports.',
    ]);
  });

  it('refuses a stub that is already a generator', () => {
    const [problem] = fixture({ 'exercises/01-demo/demo.ts': 'export function* f() {}' });
    expect(problem).toMatch(/has a function\*/);
  });

  it('wants at least two anti-solutions, each present', () => {
    const one = JSON.stringify([{ file: 'a.ts', why: 'eager one', rejectedBy: { rule: 'x-y' } }]);
    expect(fixture({ 'solutions/01-demo/anti/anti.json': one })[0]).toMatch(/fewer than two/);
    expect(fixture({ 'solutions/01-demo/anti/b.ts': null })[0]).toMatch(
      /listed in anti.json but missing/,
    );
    expect(fixture({ 'solutions/01-demo/anti/anti.json': '[{}]' })[0]).toMatch(/^0\.file: /);
  });
});
