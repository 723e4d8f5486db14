import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES_DIR } from './catalog.ts';
import { kataDir, kataDirPlugin, learnerPath } from './kata-dir.ts';
import { fullName, runBatches } from './run-tests.ts';

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

/**
 * A range that is right only when compiled as the pack compiles it: a class field declared
 * without a value exists on the instance under the standard semantics (the pack's target,
 * ES2022), and vanishes with `useDefineForClassFields: false`.
 */
const SENSITIVE_RANGE = `
class Probe {
  field: number | undefined;
}
const standard = Object.hasOwn(new Probe(), 'field');
export function* range(a: number, b?: number, step = 1): Generator<number, void, unknown> {
  const [start, stop] = b === undefined ? [0, a] : [a, b];
  const end = standard ? stop : stop + 1;
  for (let i = start; step > 0 ? i < end : i > end; i += step) yield i;
}
export function* count(start = 0, step = 1): Generator<number, never, unknown> {
  for (let i = start; ; i += step) yield i;
}
`;

/** Settings that would change what learner code means, if the tests compiled with them. */
const HOSTILE_TSCONFIG = {
  compilerOptions: {
    useDefineForClassFields: false,
    experimentalDecorators: true,
    jsx: 'react',
    jsxFactory: 'surprise',
    verbatimModuleSyntax: false,
  },
};

describe('a tsconfig.json in the learner folder', () => {
  it('changes no verdict: the tests compile learner code with the pack settings', async () => {
    const dirs = ['plain', 'hostile'].map((name) => {
      const dir = join(mkdtempSync(join(tmpdir(), 'kata-dir-')), name);
      mkdirSync(join(dir, '01-lazy-range'), { recursive: true });
      writeFileSync(join(dir, '01-lazy-range', 'lazy-range.ts'), SENSITIVE_RANGE);
      return dir;
    });
    for (const folder of [dirs[1]!, join(dirs[1]!, '01-lazy-range')]) {
      writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(HOSTILE_TSCONFIG));
      writeFileSync(join(folder, 'jsconfig.json'), JSON.stringify(HOSTILE_TSCONFIG));
    }
    const names = ['yields 0 up to stop - 1', 'counts from start to stop - 1'];
    const outcomes = await runBatches(
      dirs.map((kataDir) => ({ kataDir, exerciseIds: ['01-lazy-range'] })),
      names,
    );
    const verdicts = outcomes.map((modules) =>
      modules
        .flatMap((m) => m.tests)
        .filter((t) => t.state !== 'skipped')
        .map((t) => `${fullName(t)}: ${t.state}`),
    );
    expect(verdicts[0]).toEqual([
      '1. Count up to a stop > yields 0 up to stop - 1: passed',
      '2. Start, stop and step > counts from start to stop - 1: passed',
    ]);
    expect(verdicts[1]).toEqual(verdicts[0]);
  }, 120_000);
});
