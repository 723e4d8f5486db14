/**
 * The generator checker's public API. The CLI (`kata check`), the learner runner and the
 * self-check use only what this module exports.
 *
 * A passing test suite does not show that a learner used generators: an array turned into an
 * iterator passes too. The checker reads the syntax tree of the code and every file it loads (the
 * type checker only where syntax is ambiguous) and applies the rules listed in each exercise's
 * meta.json plus the base rules every exercise gets.
 */
import { join } from 'node:path';
import type { Exercise } from '../lib/catalog.ts';
import type { Check } from '../lib/meta.ts';
import { runCheck } from './command.ts';
import { checkSources } from './engine.ts';
import type { Finding } from './finding.ts';

export type { Finding, Severity } from './finding.ts';
export { checkSources, type Source, type EngineOptions } from './engine.ts';
export { ENGINE_RULE_IDS, RULES, validateChecks } from './registry.ts';

/**
 * Checks one file against the exercise's rules plus the rules that guard every exercise.
 * Throws when `checks` names an unknown rule or gives it bad parameters.
 *
 * @example checkFile('solutions/01-lazy-range/lazy-range.ts', exercise.meta.checks) // []
 */
export function checkFile(file: string, checks: Check[]): Finding[] {
  return checkSources([{ path: file, checks }]);
}

/** Checks `<dir>/<exercise.id>/<exercise.stubFile>` (dir: exercises/, solutions/, a submission). */
export function checkExercise(exercise: Exercise, dir: string): Finding[] {
  return checkFile(join(dir, exercise.id, exercise.stubFile), exercise.meta.checks);
}

/**
 * `kata check [DIR] [--exercise <n|slug>] [--json]`: prints the findings and returns the exit
 * code (0 clean, 1 findings, 2 usage or I/O error). Informative findings alone do not fail.
 *
 * @example process.exitCode = await runCheckCommand('solutions', { exercise: '1' })
 */
export async function runCheckCommand(
  dir: string | undefined,
  options: { exercise?: string; json?: boolean },
): Promise<number> {
  return runCheck(dir, options);
}
