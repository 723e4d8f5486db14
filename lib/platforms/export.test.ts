import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, ROOT } from '../catalog.ts';
import { CLASSROOM_JOB } from './github.ts';

const run = promisify(execFile);
const KATA = join(ROOT, 'bin', 'kata.js');
const repo = mkdtempSync(join(tmpdir(), 'kata-export-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

// Each test starts the kata command line: seconds on a busy machine.
describe('kata export github', { timeout: 60_000 }, () => {
  it('writes a workflow that grades each push with the pack at a fixed commit', async () => {
    const { stdout } = await run('node', [
      KATA,
      'export',
      'github',
      repo,
      '--pack',
      'school/yield-katas',
      '--ref',
      'v1.2.0',
    ]);
    expect(stdout).toContain('classroom.yml');
    const wf = parse(readFileSync(join(repo, '.github', 'workflows', 'classroom.yml'), 'utf8'));
    expect(wf.on).toContain('push');
    const job = wf.jobs[CLASSROOM_JOB];
    expect(job.env).toEqual({ KATA_PACK_REPO: 'school/yield-katas', KATA_PACK_REF: 'v1.2.0' });
    const steps = job.steps as Step[];
    const at = (f: (s: Step) => boolean | undefined) => steps.findIndex((s) => f(s));

    // The order that makes the tests the pack's: fetch the pack, install it, grade, report.
    const fetch = at((s) =>
      s.run?.includes(
        'fetch -q --depth 1 "https://github.com/$KATA_PACK_REPO.git" "$KATA_PACK_REF"',
      ),
    );
    const install = at((s) => s.run?.startsWith('npm ci'));
    const grade = at((s) => /kata-pack\/bin\/kata\.js" grade \. --out/.test(s.run ?? ''));
    const report = at((s) => s.id === 'report');
    expect(
      [fetch, install, grade, report].every((i, n, all) => i >= 0 && (n === 0 || i > all[n - 1]!)),
    ).toBe(true);
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@v\d/);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))).toBeDefined();
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(artifact).toMatchObject({ if: 'always()' });

    // One classroom runner per exercise of the pack, each fed from the report step.
    const ids = loadCatalog().exercises.map((e) => `ex${String(e.number).padStart(2, '0')}`);
    const reporter = steps.find((s) => s.uses?.includes('autograding-grading-reporter'))!;
    expect(reporter.with!.runners).toBe(ids.join(','));
    for (const id of ids) {
      expect(reporter.env![`${id.toUpperCase()}_RESULTS`]).toBe(
        `\${{ steps.report.outputs.${id} }}`,
      );
    }
  });

  it('names a missing folder in one line, with exit code 2', async () => {
    const err = await run('node', [KATA, 'export', 'github', join(repo, 'nowhere')]).catch(
      (e) => e,
    );
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/^kata: no folder .*nowhere/m);
  });
});
