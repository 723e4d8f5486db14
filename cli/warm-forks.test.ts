import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { PoolOptions } from 'vitest/node';
import { afterEach, describe, expect, it } from 'vitest';
import { WarmForks } from './warm-forks.ts';

// A stand-in for vitest's workers/forks.js: it stays up while its parent holds the IPC channel,
// and answers a message with its pid.
const distPath = mkdtempSync(join(tmpdir(), 'kata-warm-'));
mkdirSync(join(distPath, 'workers'));
writeFileSync(
  join(distPath, 'workers', 'forks.js'),
  "process.on('message', () => process.send(process.pid));\n",
);

const sink = new Writable({ write: (_chunk, _enc, done) => done() });
function options(env: Record<string, string> = { KATA_DIR: '/a' }): PoolOptions {
  return {
    distPath,
    env,
    execArgv: [],
    project: { vitest: { logger: { outputStream: sink, errorStream: sink } } },
  } as unknown as PoolOptions;
}

function pidOf(worker: ReturnType<WarmForks['createPoolWorker']>): Promise<number> {
  return new Promise((resolve) => {
    const answer = (pid: number) => {
      worker.off('message', answer);
      resolve(pid);
    };
    worker.on('message', answer);
    worker.send({} as never);
  });
}

let pool: WarmForks;
afterEach(() => pool?.close());

describe('WarmForks', () => {
  it('hands the next test file a process started ahead, then a fresh one each time', async () => {
    pool = new WarmForks();
    const first = pool.createPoolWorker(options());
    await first.start();
    const firstPid = await pidOf(first);
    await first.stop();

    pool.warm();
    const spare = (pool as unknown as { spare: { child: ChildProcess } }).spare.child;
    const second = pool.createPoolWorker(options());
    await second.start();
    const secondPid = await pidOf(second);
    expect(secondPid).toBe(spare.pid);
    expect(secondPid).not.toBe(firstPid);
    await second.stop();
    expect(spare.connected).toBe(false);

    // No spare asked for: a fresh process, as vitest's own forks.
    const third = pool.createPoolWorker(options());
    await third.start();
    expect([firstPid, secondPid]).not.toContain(await pidOf(third));
    await third.stop();

    pool.close();
    pool.warm();
    expect((pool as unknown as { spare?: unknown }).spare).toBeUndefined();
  });

  it('starts a fresh process when the spare was started differently, and ends the spare', async () => {
    pool = new WarmForks();
    const first = pool.createPoolWorker(options({ KATA_DIR: '/a' }));
    await first.start();
    await first.stop();
    pool.warm();
    const spare = (pool as unknown as { spare: { child: ChildProcess } }).spare.child;
    const other = pool.createPoolWorker(options({ KATA_DIR: '/b' }));
    await other.start();
    expect(await pidOf(other)).not.toBe(spare.pid);
    await other.stop();
    await new Promise((resolve) =>
      spare.exitCode !== null || spare.signalCode !== null
        ? resolve(0)
        : spare.once('exit', resolve),
    );
    expect(spare.connected).toBe(false);
  });
});
