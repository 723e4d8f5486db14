// Heavy tests in watch mode: held back from the first report, run once every other test passes,
// and needed for "done". Exercise 14's tests, as they tag their heavy ones.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findExercise, ROOT, SOLUTIONS_DIR } from '../lib/catalog.ts';
import { loadCatalog } from './exercises.ts';
import { statusOf } from './progress.ts';
import { renderResult } from './render.ts';
import { isWaiting, type TestReport } from './results.ts';
import { VitestDriver } from './vitest-driver.ts';

const ID = '14-scheduler-trampoline';
const TEST_FILE = join(ROOT, 'exercises', ID, 'scheduler-trampoline.test.ts');
const SOLUTION = join(SOLUTIONS_DIR, ID, 'scheduler-trampoline.ts');
const SCALE_TEST = 'runs 100,000 tasks × 10 yields within a bound only an O(n) queue exceeds';

// The solution, except that a scheduler takes no more than 50,000 tasks: every test passes but
// the heavy one that spawns 100,000.
const CAPPED = `export * from './solved';
import { createScheduler as solved } from './solved';
export function createScheduler() {
  const s = solved();
  let spawned = 0;
  return {
    spawn(task) {
      if (++spawned > 50_000) throw new RangeError('no more than 50,000 tasks');
      return s.spawn(task);
    },
    run: () => s.run(),
  };
}
`;

const heavyNames = (r: TestReport) => r.tests.filter((t) => t.heavy).map((t) => t.name);
const others = (r: TestReport) => r.tests.filter((t) => !t.heavy);

describe('heavy tests in watch mode', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('waits for every other test to pass, then runs them, and counts them for done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-heavy-'));
    const folder = join(dir, ID);
    const learner = join(folder, 'scheduler-trampoline.ts');
    mkdirSync(folder);
    cpSync(SOLUTION, join(folder, 'solved.ts'));
    writeFileSync(learner, CAPPED);
    vi.stubEnv('KATA_DIR', dir);
    const ends: TestReport[] = [];
    let next: (() => void) | undefined;
    const driver = await VitestDriver.create({
      watch: true,
      heavyLast: true,
      learnerFileOf: () => learner,
      onRunEnd: (reports) => {
        ends.push(reports.get(TEST_FILE)!);
        next?.();
      },
    });
    const endsAt = (n: number) =>
      new Promise<void>((resolve) => {
        next = () => (ends.length >= n ? resolve() : undefined);
      });
    try {
      driver.watchOnly([TEST_FILE]);

      // Every other test passes: the first report holds the heavy ones back, the second runs
      // them, and one of them fails, so the exercise is not done.
      const whole = (await driver.run([TEST_FILE])).get(TEST_FILE)!;
      expect(ends).toHaveLength(2);
      const [first, second] = ends as [TestReport, TestReport];
      expect(heavyNames(first)).toContain(SCALE_TEST);
      expect(first.tests.filter((t) => t.heavy).every(isWaiting)).toBe(true);
      expect(others(first).every((t) => t.state === 'passed')).toBe(true);
      expect(statusOf(first, [])).toEqual({ kind: 'heavy', waiting: heavyNames(first).length });
      expect(second).toEqual(whole);
      expect(second.tests.some(isWaiting)).toBe(false);
      expect(second.tests.filter((t) => t.state === 'failed').map((t) => t.name)).toEqual([
        SCALE_TEST,
      ]);
      expect(statusOf(second, [])).toMatchObject({ kind: 'failing', failed: 1 });

      // Another test fails: the heavy tests do not run, and wait (shown so).
      let ended = endsAt(3);
      writeFileSync(learner, CAPPED.replace('run: () => s.run()', 'run: () => new Map()'));
      await ended;
      // Had the heavy tests run, their report would have come before the next save's.
      ended = endsAt(5);
      cpSync(SOLUTION, learner);
      await ended;
      const blocked = ends[2]!;
      expect(others(blocked).some((t) => t.state === 'failed')).toBe(true);
      expect(blocked.tests.filter((t) => t.heavy).every(isWaiting)).toBe(true);
      const shown = renderResult(
        {
          exercise: findExercise(loadCatalog().exercises, ID),
          learnerFile: learner,
          report: blocked,
          findings: [],
          status: statusOf(blocked, []),
        },
        { colors: pc.createColors(false), cwd: ROOT, tasks: [] },
      );
      expect(shown).toContain(`◦ ${SCALE_TEST}  (heavy: runs once the other tests pass)`);

      // The solution: first report, then the whole one, done.
      expect(statusOf(ends[3]!, []).kind).toBe('heavy');
      expect(ends[4]!.tests.every((t) => t.state === 'passed')).toBe(true);
      expect(statusOf(ends[4]!, [])).toEqual({ kind: 'done' });
      expect(ends).toHaveLength(5);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs every test in one run without heavyLast, as kata run does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-heavy-'));
    cpSync(join(SOLUTIONS_DIR, ID), join(dir, ID), { recursive: true });
    vi.stubEnv('KATA_DIR', dir);
    let runs = 0;
    const driver = await VitestDriver.create({
      watch: false,
      learnerFileOf: () => join(dir, ID, 'scheduler-trampoline.ts'),
      onRunEnd: () => (runs += 1),
    });
    try {
      const report = (await driver.run([TEST_FILE])).get(TEST_FILE)!;
      expect(runs).toBe(1);
      expect(heavyNames(report)).toContain(SCALE_TEST);
      expect(report.tests.every((t) => t.state === 'passed')).toBe(true);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
