/**
 * Judges exercises: their tests through the vitest driver, their source through the checker,
 * and the verdict from both. The checker (ts-morph, slow to load) runs in a worker thread, so
 * its loading overlaps vitest's start-up instead of delaying the verdict.
 */
import type { Finding } from '../checker/index.ts';
import type { Exercise } from '../lib/catalog.ts';
import { kataDir } from '../lib/kata-dir.ts';
import { existsSync } from 'node:fs';
import { learnerFile, testFile } from './exercises.ts';
import { statusOf } from './progress.ts';
import type { ExerciseResult, TestReport } from './results.ts';
import type { VitestDriver } from './vitest-driver.ts';
import type { Worker } from 'node:worker_threads';
import { checkerThread, forgetCheckerThread, stopCheckerThread } from './checker-thread.mjs';
import type { CheckRequest } from './checker-worker.ts';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (f: Finding[]) => void; reject: (e: Error) => void }>();

/**
 * Starts the checker's worker thread (once), so TypeScript loads on another core while vitest
 * starts. bin/kata.js starts it first thing; findingsFor() starts it too.
 */
export function loadChecker(): void {
  if (worker) return;
  const thread = checkerThread();
  worker = thread;
  thread.on('message', (m: { id: number; findings?: Finding[]; error?: string }) => {
    const request = pending.get(m.id);
    pending.delete(m.id);
    if (m.findings) request?.resolve(m.findings);
    else request?.reject(new Error(m.error));
  });
  thread.on('error', (err) => {
    for (const request of pending.values()) request.reject(err);
    pending.clear();
    worker = undefined;
    forgetCheckerThread();
  });
}

/** Ends the checker's worker thread, if it started. */
export async function stopChecker(): Promise<void> {
  worker = undefined;
  await stopCheckerThread();
}

function check(exercise: Exercise, dir: string): Promise<Finding[]> {
  loadChecker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, exercise, dir } satisfies CheckRequest);
  });
}

/** The checker's findings on the learner's file; a checker failure becomes one finding. */
export async function findingsFor(exercise: Exercise, dir = kataDir()): Promise<Finding[]> {
  const file = learnerFile(exercise, dir);
  if (!existsSync(file)) return [];
  try {
    return await check(exercise, dir);
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

/**
 * Builds the result of one exercise from its test report. `findings` may have been asked for
 * when the tests started, so that the checker works while they run.
 */
export async function judge(
  exercise: Exercise,
  report: TestReport,
  dir = kataDir(),
  findings: Promise<Finding[]> = findingsFor(exercise, dir),
): Promise<ExerciseResult> {
  // Findings on a file that does not even parse would only mislead.
  const found = report.loadErrors.length ? [] : await findings;
  return {
    exercise,
    learnerFile: learnerFile(exercise, dir),
    report,
    findings: found,
    status: statusOf(report, found),
  };
}

/** Runs the tests of these exercises in one vitest run, then checks each one. */
export async function evaluate(
  driver: VitestDriver,
  exercises: readonly Exercise[],
  dir = kataDir(),
): Promise<ExerciseResult[]> {
  if (exercises.length === 0) return [];
  // The checker reads the files while vitest runs their tests (findingsFor never rejects).
  const findings = exercises.map((e) => findingsFor(e, dir));
  const reports = await driver.run(exercises.map(testFile));
  return Promise.all(
    exercises.map((e, i) => judge(e, reports.get(testFile(e))!, dir, findings[i])),
  );
}
