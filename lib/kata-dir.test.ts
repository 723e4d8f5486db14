import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES_DIR } from './catalog.ts';
import { kataDir, kataDirPlugin, learnerPath } from './kata-dir.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hooks = (dir: string) => {
  const plugin = kataDirPlugin(dir);
  return { resolve: plugin.resolveId as Hook, load: plugin.load as Hook };
};
const testFile = join(EXERCISES_DIR, '01-lazy-range', 'lazy-range.test.ts');

describe('KATA_DIR', () => {
  it('defaults to exercises/ and resolves a relative folder from the current directory', () => {
    expect(kataDir({})).toBe(EXERCISES_DIR);
    expect(kataDir({ KATA_DIR: '  ' })).toBe(EXERCISES_DIR);
    expect(kataDir({ KATA_DIR: 'solutions' })).toBe(join(process.cwd(), 'solutions'));
  });

  it('redirects a test file’s import of its stub to the same file under KATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-dir-'));
    mkdirSync(join(dir, '01-lazy-range'));
    writeFileSync(join(dir, '01-lazy-range', 'lazy-range.ts'), 'export {}');
    const { resolve } = hooks(dir);
    expect(resolve.call({}, './lazy-range', testFile)).toBe(
      join(dir, '01-lazy-range', 'lazy-range.ts'),
    );
  });

  it('leaves other imports alone', () => {
    const { resolve } = hooks(mkdtempSync(join(tmpdir(), 'kata-dir-')));
    expect(resolve.call({}, 'vitest', testFile)).toBeNull();
    expect(resolve.call({}, '../../lib/testing.ts', testFile)).toBeNull();
    expect(
      resolve.call({}, './x', join(EXERCISES_DIR, '01-lazy-range', 'lazy-range.ts')),
    ).toBeNull();
    expect(hooks(EXERCISES_DIR).resolve.call({}, './lazy-range', testFile)).toBeNull();
  });

  it('turns a missing file into a module that throws a message naming the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-dir-'));
    const { resolve, load } = hooks(dir);
    const id = resolve.call({}, './lazy-range', testFile) as string;
    const code = load.call({}, id) as string;
    expect(code).toMatch(/^throw new Error\(/);
    expect(code).toContain(join(dir, '01-lazy-range', 'lazy-range.ts'));
    expect(code).toContain('copy the stub from exercises');
  });

  it('says so when KATA_DIR itself does not exist', () => {
    const { resolve, load } = hooks('/nonexistent/kata-dir');
    const code = load.call({}, resolve.call({}, './lazy-range', testFile)) as string;
    expect(code).toContain('KATA_DIR=/nonexistent/kata-dir does not exist');
  });

  it('gives child processes the learner file under KATA_DIR', () => {
    const url = new URL(`file://${testFile}`).href;
    expect(learnerPath(url, 'lazy-range.ts')).toBe(
      join(kataDir(), '01-lazy-range', 'lazy-range.ts'),
    );
  });
});
