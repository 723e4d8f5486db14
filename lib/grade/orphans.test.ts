// A grader killed outright (SIGKILL, no handler runs) must not leave a sandbox running.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, SOLUTIONS_DIR } from '../catalog.ts';

const work = mkdtempSync(join(tmpdir(), 'kata-orphans-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Processes whose command line mentions `text`. */
const running = (text: string) =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'));

it('ends every sandbox when the grader is killed', async () => {
  const student = join(work, 'class', 'loop', '05-send');
  mkdirSync(student, { recursive: true });
  cpSync(join(SOLUTIONS_DIR, '05-send', 'send.ts'), join(student, 'send.ts'));
  appendFileSync(join(student, 'send.ts'), '\nfor (;;) {}\n');
  const scratch = join(work, 'tmp');
  mkdirSync(scratch);
  const grader = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'kata.js'), 'grade', join(work, 'class'), '--out', join(work, 'out')],
    { env: { ...process.env, TMPDIR: scratch }, stdio: 'ignore' },
  );
  const deadline = Date.now() + 60_000;
  while (running(scratch).length === 0 && Date.now() < deadline) await sleep(200);
  expect(running(scratch).length).toBeGreaterThan(0);
  grader.kill('SIGKILL');
  const gone = Date.now() + 10_000;
  while (running(scratch).length > 0 && Date.now() < gone) await sleep(200);
  expect(running(scratch)).toEqual([]);
}, 90_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
