// The sandbox's limits within an exercise: loading its files, like a test, has its own limit in
// CPU time, below the exercise's; a synchronous loop there is stopped at it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadCatalog, SOLUTIONS_DIR } from '../catalog.ts';
import { createRuntime, runSandboxed, type RunEnd } from './sandbox.ts';
import { stageSubmission } from './stage.ts';

const work = mkdtempSync(join(tmpdir(), 'kata-sandbox-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runtime = createRuntime(join(work, 'runtime'));

/** The solutions of `ids`, staged in a fresh scratch folder, with `change` applied to the first. */
function stage(name: string, change: (source: string) => string, ids = ['05-send']) {
  const exercises = loadCatalog().exercises.filter((e) => ids.includes(e.id));
  const scratch = join(work, name);
  mkdirSync(scratch, { recursive: true });
  const kataDir = join(scratch, 'kata');
  stageSubmission(SOLUTIONS_DIR, exercises, kataDir);
  const first = exercises.find((e) => e.id === ids[0])!;
  const file = join(kataDir, first.id, first.stubFile);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  return { scratch, kataDir };
}

it("stops a loop while loading at the loading limit, not a test's or the exercise's", async () => {
  const { scratch, kataDir } = stage('load', (source) => `${source}\nfor (;;) {}\n`);
  const started = performance.now();
  const result = await runSandboxed({
    runtime,
    scratch,
    kataDir,
    exercises: ['05-send'],
    timeoutMs: 120_000,
    loadMs: 1500,
    skipTests: [],
    onEvent: () => {},
  });
  expect(result.end).toEqual<RunEnd>({ kind: 'timeout', exercise: '05-send', limitMs: 1500 });
  // Far below the exercise's limit, even on a busy machine (the wall-clock backstop is 360 s).
  expect(performance.now() - started).toBeLessThan(60_000);
}, 90_000);

it('names the test that hung even when the grader was too busy to read the child for a while', async () => {
  const loopOn = 'const term: number | undefined = yield average;';
  const { scratch, kataDir } = stage('busy', (source) => {
    if (!source.includes(loopOn)) throw new Error('05 solution changed: update this test');
    return source.replace(loopOn, `${loopOn}\n    if (term === -15) for (;;) {}`);
  });
  let blocked = false;
  const result = await runSandboxed({
    runtime,
    scratch,
    kataDir,
    exercises: ['05-send'],
    timeoutMs: 2000,
    skipTests: [],
    onEvent: (event) => {
      // As a long type check on the grader's thread would: the child runs on and loops meanwhile.
      if (event.type !== 'exercise-collected' || blocked) return;
      blocked = true;
      const until = performance.now() + 6000;
      while (performance.now() < until);
    },
  });
  expect(result.end).toMatchObject({
    kind: 'timeout',
    test: '2. A running average > yields the running average of the numbers sent',
  });
}, 90_000);
