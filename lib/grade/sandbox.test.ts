// The sandbox's limits within an exercise: loading a test file, like a test, has its own limit
// in CPU time, below the exercise's; a synchronous loop there is stopped at it.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadCatalog, SOLUTIONS_DIR } from '../catalog.ts';
import { createRuntime, runSandboxed, type RunEnd } from './sandbox.ts';
import { stageSubmission } from './stage.ts';

const work = mkdtempSync(join(tmpdir(), 'kata-sandbox-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('stops a loop while loading at the step limit, not the exercise limit', async () => {
  const send = loadCatalog().exercises.filter((e) => e.id === '05-send');
  const scratch = join(work, 's');
  mkdirSync(scratch);
  const kataDir = join(scratch, 'kata');
  stageSubmission(SOLUTIONS_DIR, send, kataDir);
  appendFileSync(join(kataDir, '05-send', 'send.ts'), '\nfor (;;) {}\n');
  const started = performance.now();
  const result = await runSandboxed({
    runtime: createRuntime(work),
    scratch,
    kataDir,
    exercises: ['05-send'],
    timeoutMs: 120_000,
    stepMs: 1500,
    skipTests: [],
    onEvent: () => {},
  });
  expect(result.end).toEqual<RunEnd>({ kind: 'timeout', exercise: '05-send', limitMs: 1500 });
  // Far below the exercise's limit, even on a busy machine (the wall-clock backstop is 360 s).
  expect(performance.now() - started).toBeLessThan(60_000);
}, 90_000);
