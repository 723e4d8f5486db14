import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from './command.ts';

const META = {
  title: 'Demo',
  summary: 'A demo exercise for the checker command.',
  concepts: ['function*'],
  points: 1,
  hints: ['A first gentle hint.', 'A second direct hint.'],
  checks: [{ rule: 'generator-function', export: 'range' }],
};

let root = '';
function folder(name: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, name, path, '..'), { recursive: true });
    writeFileSync(join(root, name, path), text);
  }
}

function kata(
  dir: string | undefined,
  options: { exercise?: string; json?: boolean } = {},
  meta = 'exercises',
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(dir, options, {
    exercisesDir: join(root, meta),
    cwd: root,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  // Colours depend on the terminal and on CI's environment; the tests read the text.
  const plain = (lines: string[]) => stripVTControlCharacters(lines.join('\n'));
  return { code, out: plain(out), err: plain(err) };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kata-check-'));
  folder('exercises', {
    '01-demo/meta.json': JSON.stringify(META),
    '01-demo/demo.ts': "export function range() {\n  throw new Error('Not implemented yet');\n}\n",
    '02-other/meta.json': JSON.stringify({ ...META, checks: [] }),
    '02-other/other.ts': 'export const x = 1;\n',
  });
  folder('solutions', {
    '01-demo/demo.ts': 'export function* range() {\n  yield 1;\n}\n',
    '02-other/other.ts': 'export const x = 1;\n',
  });
  folder('partial', { '01-demo/demo.ts': 'export function* range() {}\n' });
  folder('broken-meta', {
    '01-demo/meta.json': JSON.stringify({ ...META, checks: [{ rule: 'nope' }] }),
  });
});

describe('kata check', () => {
  it('exits 0 with a success line when clean', () => {
    const r = kata('solutions');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ Checked 2 exercises in solutions: no findings\./);
  });
  it('checks exercises/ by default and exits 1 on findings, grouped by exercise', () => {
    const r = kata(undefined);
    expect(r.code).toBe(1);
    expect(r.out).toContain('01-demo');
    expect(r.out).toMatch(
      /exercises\/01-demo\/demo\.ts:1:17 {2}essential {2}generator-function {2}`range`/,
    );
    expect(r.out).not.toContain('02-other');
    expect(r.out).toMatch(/1 finding \(1 essential\) in 1 of 2 exercises/);
  });
  it('prints JSON with --json', () => {
    const r = kata(undefined, { json: true });
    expect(JSON.parse(r.out)).toEqual([
      expect.objectContaining({
        exercise: '01-demo',
        rule: 'generator-function',
        line: 1,
        column: 17,
      }),
    ]);
  });
  it('narrows to one exercise with --exercise, by number or slug', () => {
    expect(kata(undefined, { exercise: '2' }).code).toBe(0);
    expect(kata(undefined, { exercise: 'demo' }).code).toBe(1);
  });
  it('reports a missing learner file as a finding', () => {
    const r = kata('partial', { json: true });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual([
      expect.objectContaining({
        rule: 'missing-file',
        file: join(root, 'partial', '02-other', 'other.ts'),
      }),
    ]);
  });
  it('exits 2 with one line for an unknown exercise, a missing folder or a broken meta.json', () => {
    for (const r of [
      kata(undefined, { exercise: 'nine' }),
      kata('no-such-dir'),
      kata(undefined, {}, 'broken-meta'),
    ]) {
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.out).toBe('');
    }
    expect(kata('no-such-dir').err).toContain('no-such-dir');
    expect(kata(undefined, {}, 'broken-meta').err).toMatch(
      /meta\.json: checks\[0\]: unknown rule "nope"/,
    );
  });
});
