// The learner's runner on every exercise: `kata run` against a bare vitest run of the same file,
// and watch mode's re-run after a save: to the first report (heavy tests held back) and to the
// whole one. BENCH_EXERCISES="1 4" narrows the exercises by number;
// BENCH_RUNS sets the samples per figure.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { findingsFor, loadChecker, stopChecker } from '../../cli/evaluate.ts';
import { heavyDue, isWaiting, type TestReport } from '../../cli/results.ts';
import { VitestDriver } from '../../cli/vitest-driver.ts';
import { loadCatalog, ROOT, SOLUTIONS_DIR, type Exercise } from '../../lib/catalog.ts';
import { env, kataBin, median, ratio, RUNS, table, vitestBin } from './util.ts';

export const title = 'runner';

const RATIO_TARGET = 1.5;
const RERUN_TARGET_MS = 500;
const PAUSE_MS = 2_000;

/** The exercises BENCH_EXERCISES names by number, or all of them. */
function chosen(): Exercise[] {
  const numbers = (process.env.BENCH_EXERCISES ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  const all = loadCatalog().exercises; // a folder someone is still writing is skipped
  return numbers.length ? all.filter((e) => numbers.includes(e.number)) : all;
}

export async function run(): Promise<void> {
  const exercises = chosen();
  console.log(
    pc.bold(`\nRunner: kata run against a bare vitest run of the same file (median of ${RUNS})`),
  );
  const runRows = [['exercise', 'kata run', 'vitest run (baseline)', 'ratio', 'target']];
  const ratios: { id: string; r: number }[] = [];
  for (const exercise of exercises) {
    const file = `exercises/${exercise.id}/${exercise.testFile}`;
    const solved = { KATA_DIR: 'solutions', KATA_STATE: join(tmpdir(), 'bench-kata-state.json') };
    // Alternate the two so that a noisy moment on the machine hits both alike.
    const bare: number[] = [];
    const kata: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(once([vitestBin, 'run', file], solved));
      kata.push(once([kataBin, 'run', String(exercise.number)], solved));
    }
    const [b, k] = [median(bare), median(kata)];
    ratios.push({ id: exercise.id, r: k / b });
    runRows.push([
      exercise.id,
      `${k.toFixed(0)} ms`,
      `${b.toFixed(0)} ms`,
      mark(ratio(k, b), k / b <= RATIO_TARGET),
      `<= ${RATIO_TARGET.toFixed(2)}x`,
    ]);
  }
  table(runRows);
  const worstRatio = ratios.sort((a, b) => b.r - a.r)[0];
  if (worstRatio) console.log(`slowest: ${worstRatio.id} at ${worstRatio.r.toFixed(2)}x`);

  console.log(
    pc.bold(
      `\nRunner: watch mode, from a save to the new report (median of ${RUNS} saves, ${PAUSE_MS / 1000} s apart)`,
    ),
  );
  console.log(
    'first report: every test but the heavy ones (the target); whole report: the heavy tests too,\n' +
      "run after the first report (no target: their size is the curriculum's)",
  );
  const latencies = await rerunLatencies(exercises);
  const watchRows = [['exercise', 'save → first report', 'target', 'save → whole report', 'heavy']];
  for (const [id, { first, whole, heavy }] of latencies) {
    watchRows.push([
      id,
      mark(`${first.toFixed(0)} ms`, first < RERUN_TARGET_MS),
      `< ${RERUN_TARGET_MS} ms`,
      heavy ? `${whole.toFixed(0)} ms` : 'the same',
      heavy ? String(heavy) : '-',
    ]);
  }
  table(watchRows);
  const worst = [...latencies].sort((a, b) => b[1].first - a[1].first)[0];
  if (worst) console.log(`slowest first report: ${worst[0]} at ${worst[1].first.toFixed(0)} ms`);
  const worstWhole = [...latencies].sort((a, b) => b[1].whole - a[1].whole)[0];
  if (worstWhole) {
    console.log(`slowest whole report: ${worstWhole[0]} at ${worstWhole[1].whole.toFixed(0)} ms`);
  }
}

interface Latency {
  /** Save → the first report, heavy tests held back (median, ms). */
  first: number;
  /** Save → the whole report, heavy tests included (median, ms). */
  whole: number;
  /** How many tests are tagged heavy. */
  heavy: number;
}

/** Wall time (ms) of one Node command; it must exit 0 (the solutions pass). */
function once(args: string[], extraEnv: Record<string, string>): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...env, ...extraEnv } });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    // A run the stall guard stopped (a machine too busy to measure on) is no figure at all.
    const tail = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`${args.join(' ')} exited ${r.status}: ${tail}`);
  }
  return ms;
}

const mark = (text: string, ok: boolean) => (ok ? text : pc.red(text));

/**
 * One watch session, as the learner has: a scratch KATA_DIR holding every solution, each
 * exercise watched in turn, and a save of its file timed to the end of vitest's re-run and the
 * checker's findings (which the session asks for at the save, as here). As in the session, the
 * next run's test process starts once a result is in (warmUp); the saves come PAUSE_MS apart,
 * the time a learner takes at least to read a result and edit.
 */
async function rerunLatencies(exercises: readonly Exercise[]): Promise<Map<string, Latency>> {
  const dir = mkdtempSync(join(tmpdir(), 'yield-katas-bench-'));
  for (const e of exercises)
    cpSync(join(SOLUTIONS_DIR, e.id), join(dir, e.id), { recursive: true });
  const learnerOf = new Map(
    exercises.map((e) => [join(ROOT, 'exercises', e.id, e.testFile), join(dir, e.id, e.stubFile)]),
  );
  const saved = process.env.KATA_DIR;
  process.env.KATA_DIR = dir;
  let ended: ((reports: Map<string, TestReport>) => void) | undefined;
  loadChecker();
  const driver = await VitestDriver.create({
    watch: true,
    learnerFileOf: (file) => learnerOf.get(file) ?? file,
    onRunEnd: (reports) => ended?.(reports),
    heavyLast: true,
  });
  const results = new Map<string, Latency>();
  try {
    for (const exercise of exercises) {
      const testFile = join(ROOT, 'exercises', exercise.id, exercise.testFile);
      const learner = learnerOf.get(testFile)!;
      driver.watchOnly([testFile]);
      // The first run loads the modules, as the session's does.
      const [loaded] = await Promise.all([driver.run([testFile]), findingsFor(exercise, dir)]);
      const heavy = loaded.get(testFile)!.tests.filter((t) => t.heavy).length;
      const first: number[] = [];
      const whole: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        driver.warmUp();
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        const t0 = performance.now();
        let firstAt: number | undefined;
        const done = new Promise<number>((resolve, reject) => {
          ended = (reports) => {
            const report = reports.get(testFile);
            if (!report) return;
            const failed = report.tests.filter(
              (t) => t.state === 'failed' || t.state === 'pending',
            );
            if (failed.length || report.loadErrors.length || report.interrupted) {
              // A solution failing (a machine too busy to measure on) gives no figure at all.
              reject(new Error(`${exercise.id}: the solution did not pass in watch mode`));
            }
            firstAt ??= performance.now() - t0;
            // The whole report: nothing held back, or nothing more to come.
            if (!report.tests.some(isWaiting) || !heavyDue(report)) {
              resolve(performance.now() - t0);
            }
          };
        });
        appendFileSync(learner, `\n// save ${i}\n`);
        // The session shows a report once the checker's findings are in too.
        const checked = findingsFor(exercise, dir).then(() => performance.now() - t0);
        const [wholeMs, checkedMs] = await Promise.all([done, checked]);
        ended = undefined;
        first.push(Math.max(firstAt!, checkedMs));
        whole.push(Math.max(wholeMs, checkedMs));
      }
      results.set(exercise.id, { first: median(first), whole: median(whole), heavy });
    }
    return results;
  } finally {
    await driver.close();
    await stopChecker();
    if (saved === undefined) delete process.env.KATA_DIR;
    else process.env.KATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}
