/**
 * Judges exercises: their tests through the vitest driver, their source through the checker,
 * and the verdict from both. The checker (ts-morph, slow to load) is imported lazily, so its
 * loading overlaps the test run instead of delaying it.
 */
import type { Finding } from '../checker/index.ts';
import type { Exercise } from '../lib/catalog.ts';
import { kataDir } from '../lib/kata-dir.ts';
import { existsSync } from 'node:fs';
import { learnerFile, testFile } from './exercises.ts';
import { statusOf } from './progress.ts';
import type { ExerciseResult, TestReport } from './results.ts';
import type { VitestDriver } from './vitest-driver.ts';

type Checker = typeof import('../checker/index.ts');
let checker: Promise<Checker> | undefined;

/** Starts loading the checker (once); await the result when the findings are needed. */
export function loadChecker(): Promise<Checker> {
  checker ??= import('../checker/index.ts');
  return checker;
}

/** The checker's findings on the learner's file; a checker failure becomes one finding. */
export async function findingsFor(exercise: Exercise, dir = kataDir()): Promise<Finding[]> {
  const file = learnerFile(exercise, dir);
  if (!existsSync(file)) return [];
  try {
    const { checkExercise } = await loadChecker();
    return checkExercise(exercise, dir);
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0];
    return [
      {
        rule: 'checker-failed',
        severity: 'informative',
        file,
        line: 1,
        column: 1,
        message: `the checker could not read this file (${first}); the tests alone decide.`,
      },
    ];
  }
}

/** Builds the result of one exercise from its test report. */
export async function judge(
  exercise: Exercise,
  report: TestReport,
  dir = kataDir(),
): Promise<ExerciseResult> {
  // Findings on a file that does not even parse would only mislead.
  const findings = report.loadErrors.length ? [] : await findingsFor(exercise, dir);
  return {
    exercise,
    learnerFile: learnerFile(exercise, dir),
    report,
    findings,
    status: statusOf(report, findings),
  };
}

/** Runs the tests of these exercises in one vitest run, then checks each one. */
export async function evaluate(
  driver: VitestDriver,
  exercises: readonly Exercise[],
  dir = kataDir(),
): Promise<ExerciseResult[]> {
  if (exercises.length === 0) return [];
  // The checker loads once vitest's worker has its modules and runs the tests: loading it
  // earlier would keep this process from serving those modules.
  driver.onceCollected(() => void loadChecker().catch(() => {}));
  const reports = await driver.run(exercises.map(testFile));
  return Promise.all(exercises.map((e) => judge(e, reports.get(testFile(e))!, dir)));
}
