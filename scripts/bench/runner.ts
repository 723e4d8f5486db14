// The learner's runner: `kata run` against bare vitest, and watch-mode re-run latency.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { VitestDriver } from '../../cli/vitest-driver.ts';
import { loadExercises, ROOT, SOLUTIONS_DIR, type Exercise } from '../../lib/catalog.ts';
import { kataBin, median, ratio, RUNS, table, time, vitestBin } from './util.ts';

export const title = 'runner';

export async function run(): Promise<void> {
  console.log(
    pc.bold(`\nRunner: kata run against a bare vitest run of the same file (median of ${RUNS})`),
  );
  const runRows = [['exercise', 'kata run', 'vitest run (baseline)', 'ratio', 'target']];
  for (const exercise of loadExercises().slice(0, 2)) {
    const file = `exercises/${exercise.id}/${exercise.testFile}`;
    const bare = time([process.execPath, vitestBin, 'run', file], { KATA_DIR: 'solutions' });
    const kata = time([process.execPath, kataBin, 'run', String(exercise.number)], {
      KATA_DIR: 'solutions',
    });
    runRows.push([
      exercise.id,
      `${kata.toFixed(0)} ms`,
      `${bare.toFixed(0)} ms`,
      ratio(kata, bare),
      '<= 1.50x',
    ]);
  }
  table(runRows);

  console.log(pc.bold(`\nRunner: watch mode, from a save to the new report (median of ${RUNS})`));
  const watchRows = [['exercise', 'save → report', 'target']];
  for (const exercise of loadExercises().slice(0, 2)) {
    watchRows.push([exercise.id, `${(await rerunLatency(exercise)).toFixed(0)} ms`, '< 500 ms']);
  }
  table(watchRows);
}

/** Saves a solved learner file in a watched scratch KATA_DIR and times vitest's re-run. */
async function rerunLatency(exercise: Exercise): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'yield-katas-bench-'));
  cpSync(join(SOLUTIONS_DIR, exercise.id), join(dir, exercise.id), { recursive: true });
  const learner = join(dir, exercise.id, exercise.stubFile);
  const testFile = join(ROOT, 'exercises', exercise.id, exercise.testFile);
  const saved = process.env.KATA_DIR;
  process.env.KATA_DIR = dir;
  let ended: (() => void) | undefined;
  const driver = await VitestDriver.create({
    watch: true,
    learnerFileOf: () => learner,
    onRunEnd: () => ended?.(),
  });
  try {
    driver.watchOnly([testFile]);
    await driver.run([testFile]);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const done = new Promise<void>((resolve) => (ended = resolve));
      const t0 = performance.now();
      appendFileSync(learner, `\n// save ${i}\n`);
      await done;
      samples.push(performance.now() - t0);
    }
    return median(samples);
  } finally {
    await driver.close();
    if (saved === undefined) delete process.env.KATA_DIR;
    else process.env.KATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}
