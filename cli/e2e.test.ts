// End-to-end: the real `kata` binary in a child process, on a scratch KATA_DIR and state file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lib/catalog.ts';

const BIN = join(ROOT, 'bin', 'kata.js');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kata-e2e-'));
  // A submission with only exercise 2, solved (quick to test): the others have no file and fail
  // at once.
  cpSync(join(ROOT, 'solutions', '02-iterables'), join(scratch, 'kata', '02-iterables'), {
    recursive: true,
  });
});

function kata(args: string[], state = join(scratch, 'state.json'), dir = join(scratch, 'kata')) {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The child is a fresh kata, not a vitest worker; colours off for plain text.
    if (!/^(VITEST|FORCE_COLOR|NODE_ENV$|TEST$)/.test(key)) env[key] = value;
  }
  Object.assign(env, { KATA_DIR: dir, KATA_STATE: state, NO_COLOR: '1' });
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 90_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kata (end to end)', () => {
  it('lists a solved exercise as done, with the totals', () => {
    const { code, stdout } = kata(['list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+2\s+Iterables and iterators\s+done\s+15\/15$/m);
    expect(stdout).toMatch(/^\s+1\s+Lazy range\s+(?!done)/m);
    expect(stdout).toMatch(/^1 of \d+ done · 15 of \d+ points$/m);
  }, 90_000);

  it('prints the progress table once and exits 0 when not in a terminal', () => {
    const { code, stdout } = kata([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+#\s+exercise\s+status\s+points$/m);
    expect(stdout).toMatch(/^\s+2\s+Iterables and iterators\s+done/m);
  }, 90_000);

  it("keeps the test process's own stderr off the report, and shows a failure's message whole", () => {
    // V8 prints "Exception in PromiseRejectCallback" itself when the stack overflows in a promise
    // callback; in a worker thread it would land amid the runner's lines.
    const dir = join(scratch, 'kata', '11-co-runner');
    mkdirSync(dir, { recursive: true });
    cpSync(join(ROOT, 'cli', 'fixtures', 'co-runner-recursive.ts'), join(dir, 'co-runner.ts'));
    const { code, stdout, stderr } = kata(['run', '11']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'promise rejected "RangeError: Maximum call stack size exceeded" instead of resolving',
    );
  }, 90_000);

  it('says which exercises exist for an unknown one, and exits 2', () => {
    const { code, stdout, stderr } = kata(['run', '99']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^kata: no exercise "99"; the exercises are: 1 \(lazy-range\)/);
  });

  it('exits 2 on an unknown command', () => {
    const { code, stderr } = kata(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });

  it('gives the next hint each time, and survives a corrupt state file', () => {
    const state = join(scratch, 'hints.json');
    const count = JSON.parse(
      readFileSync(join(ROOT, 'exercises', '01-lazy-range', 'meta.json'), 'utf8'),
    ).hints.length;
    expect(kata(['hint', '1'], state).stdout).toMatch(`Hint 1 of ${count} for 01 · Lazy range:`);
    expect(kata(['hint', 'lazy-range'], state).stdout).toMatch(`Hint 2 of ${count}`);

    writeFileSync(state, '{ not json');
    const corrupt = kata(['hint', '1'], state);
    expect(corrupt.code).toBe(0);
    expect(corrupt.stderr).toMatch(/hints\.json was corrupt: .*replaced it/);
    expect(corrupt.stdout).toMatch(`Hint 1 of ${count}`);
  });
});

describe('kata reset and kata solution (end to end)', () => {
  it('puts the stub back and keeps every earlier version as a backup beside it', () => {
    const dir = join(scratch, 'reset');
    const file = join(dir, '02-iterables', 'iterables.ts');
    cpSync(join(ROOT, 'solutions', '02-iterables'), join(dir, '02-iterables'), { recursive: true });
    const stub = readFileSync(join(ROOT, 'exercises', '02-iterables', 'iterables.ts'), 'utf8');
    const solved = readFileSync(file, 'utf8');

    const first = kata(['reset', 'iterables'], join(scratch, 'reset.json'), dir);
    expect(first.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(stub);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(solved);
    expect(first.stdout).toContain(`Your version is kept in ${file}.bak.`);

    writeFileSync(file, 'export {}; // a second try\n');
    const second = kata(['reset', '2'], join(scratch, 'reset.json'), dir);
    expect(readFileSync(`${file}.2.bak`, 'utf8')).toBe('export {}; // a second try\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(solved);
    expect(second.stdout).toContain(`${file}.2.bak`);

    expect(kata(['reset', '2'], join(scratch, 'reset.json'), dir).stdout).toContain(
      'is the stub already; nothing to reset.',
    );
  }, 90_000);

  it('shows a solution only once the exercise is done', () => {
    const dir = join(scratch, 'solution');
    mkdirSync(join(dir, '02-iterables'), { recursive: true });
    const file = join(dir, '02-iterables', 'iterables.ts');
    cpSync(join(ROOT, 'exercises', '02-iterables', 'iterables.ts'), file);
    const state = join(scratch, 'solution.json');

    const early = kata(['solution', '2'], state, dir);
    expect(early.code).toBe(1);
    expect(early.stdout).toBe('');
    expect(early.stderr).toMatch(/^kata: 02 · Iterables and iterators is not done yet/);

    cpSync(join(ROOT, 'solutions', '02-iterables', 'iterables.ts'), file);
    const done = kata(['solution', '2'], state, dir);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('solutions/02-iterables/iterables.ts');
    expect(done.stdout).toContain('export class RangeIterator');
  }, 90_000);
});
