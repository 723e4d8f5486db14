/**
 * The status of every exercise, for the progress table. A verdict remembered in the state file
 * is reused while its fingerprint holds (same learner file, tests, metadata and pack code);
 * the other exercises run, all in one vitest run, and their verdicts are remembered.
 */
import { existsSync } from 'node:fs';
import type { Exercise } from '../lib/catalog.ts';
import { kataDir } from '../lib/kata-dir.ts';
import { evaluate } from './evaluate.ts';
import { exerciseFingerprint, learnerFile, testFile } from './exercises.ts';
import type { ProgressRow } from './progress.ts';
import { shownPath } from './render.ts';
import type { ExerciseResult } from './results.ts';
import { readState, rememberedStatus, rememberResult, statePath, updateState } from './state.ts';
import { VitestDriver } from './vitest-driver.ts';

export interface SurveyOptions {
  /** Ignore remembered verdicts and run every exercise. */
  fresh?: boolean;
  dir?: string;
  warn: (line: string) => void;
}

/** Remembered verdicts only, without running anything (watch mode's starting point). */
export function rememberedRows(
  exercises: readonly Exercise[],
  { dir = kataDir(), warn }: SurveyOptions,
): ProgressRow[] {
  const state = readState(statePath(), warn);
  return exercises.map((exercise) => ({
    exercise,
    status: rememberedStatus(state, learnerFile(exercise, dir), exerciseFingerprint(exercise, dir)),
  }));
}

/** Every exercise's status, running those whose remembered verdict is missing or stale. */
export async function survey(
  exercises: readonly Exercise[],
  options: SurveyOptions,
): Promise<ProgressRow[]> {
  const dir = options.dir ?? kataDir();
  const rows: ProgressRow[] = (
    options.fresh
      ? exercises.map((exercise) => ({ exercise, status: undefined }))
      : rememberedRows(exercises, { ...options, dir })
  ).map((row) => {
    // No learner file, nothing to run: the verdict is known (and running it costs a worker).
    const file = learnerFile(row.exercise, dir);
    if (existsSync(file)) return row;
    const where = shownPath(file, process.cwd());
    return { ...row, status: { kind: 'error', reason: `no file at ${where}` } };
  });
  const stale = rows.filter((r) => !r.status).map((r) => r.exercise);
  if (stale.length === 0) return rows;

  const learnerOf = new Map(stale.map((e) => [testFile(e), learnerFile(e, dir)]));
  const driver = await VitestDriver.create({
    watch: false,
    learnerFileOf: (file) => learnerOf.get(file) ?? file,
  });
  let results: ExerciseResult[];
  try {
    results = await evaluate(driver, stale, dir);
  } finally {
    await driver.close();
  }
  remember(results, dir, options.warn);
  const byId = new Map(results.map((r) => [r.exercise.id, r.status]));
  return rows.map((r) => (r.status ? r : { ...r, status: byId.get(r.exercise.id) }));
}

/** Stores verdicts in the state file for the next `kata list` or watch session. */
export function remember(
  results: readonly ExerciseResult[],
  dir: string,
  warn: (line: string) => void,
): void {
  try {
    updateState(
      statePath(),
      (state) => {
        // An interrupted run (a stall, a crash) says little about the file; judge it again.
        for (const r of results.filter((x) => !x.report.interrupted)) {
          rememberResult(state, r.learnerFile, exerciseFingerprint(r.exercise, dir), r.status);
        }
      },
      warn,
    );
  } catch (err) {
    warn(`could not save progress to ${statePath()}: ${(err as Error).message}`);
  }
}
