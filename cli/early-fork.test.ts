import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropEarlyFork, forkEarly, learnForkSpec, takeEarlyFork } from './early-fork.mjs';

const dir = mkdtempSync(join(tmpdir(), 'kata-early-'));
mkdirSync(join(dir, 'workers'));
const entrypoint = join(dir, 'workers', 'forks.js');
writeFileSync(entrypoint, "process.on('message', () => process.send(process.pid));\n");

describe('the early test process', () => {
  it('starts the way vitest started the last one, and only once that was learnt', () => {
    const file = join(dir, 'fork-run.json');
    forkEarly(file);
    expect(takeEarlyFork()).toBeUndefined(); // nothing learnt yet

    const spec = {
      entrypoint,
      env: { ...process.env, VITEST_MODE: 'RUN', KATA_DIR: '/somewhere' },
      execArgv: ['--conditions', 'node'],
    };
    learnForkSpec(spec);
    forkEarly(file);
    const early = takeEarlyFork()!;
    expect(early.spec).toEqual(spec);
    expect(early.child.pid).toBeGreaterThan(0);
    expect(takeEarlyFork()).toBeUndefined(); // taken once
    early.child.kill();
  });

  it('is ended when nothing takes it (a usage error, say)', async () => {
    const child = forkEarly(join(dir, 'fork-run.json'))!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    dropEarlyFork();
    await exited;
    expect(child.signalCode).toBe('SIGTERM');
    expect(takeEarlyFork()).toBeUndefined();
  });
});
