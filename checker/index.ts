/**
 * The generator checker's public API. The CLI (`kata check`), the learner runner and the
 * self-check use only what this module exports.
 *
 * PLACEHOLDER: the interface is fixed; the engine and rules land in checker/ (issue 3).
 */
import type { Exercise } from '../lib/catalog.ts';
import type { Check } from '../lib/meta.ts';

export type Severity = 'essential' | 'actionable' | 'informative';

export interface Finding {
  /** Stable rule id, e.g. `no-eager-collection`. */
  rule: string;
  severity: Severity;
  /** Absolute path of the file the finding is in. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** What is wrong, why it matters for this exercise, and how to fix it. */
  message: string;
}

/** Checks one file against the exercise's rules plus the rules that guard every exercise. */
export function checkFile(file: string, checks: Check[]): Finding[] {
  void file;
  void checks;
  return [];
}

/** Checks `<dir>/<exercise.id>/<exercise.stubFile>` (dir: exercises/, solutions/, a submission). */
export function checkExercise(exercise: Exercise, dir: string): Finding[] {
  return checkFile(`${dir}/${exercise.id}/${exercise.stubFile}`, exercise.meta.checks);
}

/**
 * `kata check [DIR] [--exercise <n|slug>] [--json]`: prints the findings and returns the exit
 * code (0 clean, 1 findings, 2 usage or I/O error).
 */
export async function runCheckCommand(
  dir: string | undefined,
  options: { exercise?: string; json?: boolean },
): Promise<number> {
  void dir;
  void options;
  return 0;
}
