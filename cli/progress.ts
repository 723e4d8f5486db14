/**
 * The progress model: the verdict on one exercise, and the course's totals. An exercise is done
 * only when its tests pass and the checker has no essential finding.
 */
import type { Finding } from '../checker/index.ts';
import type { Exercise } from '../lib/catalog.ts';
import { isWaiting, type Status, type TestReport } from './results.ts';

/**
 * The verdict on one exercise from its test report and the checker's findings.
 * @example statusOf({ tests: [passed], loadErrors: [], ... }, []) // { kind: 'done' }
 */
export function statusOf(report: TestReport, findings: readonly Finding[]): Status {
  if (report.loadErrors.length) return { kind: 'error', reason: report.loadErrors[0]!.message };
  if (report.interrupted) return { kind: 'error', reason: report.interrupted };
  const tests = report.tests.filter((t) => t.state !== 'skipped');
  // Heavy tests held back (watch mode) are part of the exercise: it is not done without them.
  const waiting = report.tests.filter(isWaiting).length;
  const failed = tests.filter((t) => t.state !== 'passed');
  if (failed.length === 0 && waiting) return { kind: 'heavy', waiting };
  if (tests.length === 0) return { kind: 'error', reason: 'no tests ran' };
  if (failed.length === 0) {
    const essential = findings.filter((f) => f.severity === 'essential').length;
    return essential ? { kind: 'checker', essential } : { kind: 'done' };
  }
  if (failed.length === tests.length && failed.every((t) => t.failure?.stub)) {
    return { kind: 'not-started' };
  }
  return { kind: 'failing', failed: failed.length, total: tests.length + waiting };
}

export interface ProgressRow {
  exercise: Exercise;
  /** Undefined when the exercise has not been judged (watch mode before reaching it). */
  status?: Status;
}

export interface Totals {
  done: number;
  total: number;
  points: number;
  maxPoints: number;
}

export function totals(rows: readonly ProgressRow[]): Totals {
  let done = 0;
  let points = 0;
  let maxPoints = 0;
  for (const row of rows) {
    maxPoints += row.exercise.meta.points;
    if (row.status?.kind === 'done') {
      done += 1;
      points += row.exercise.meta.points;
    }
  }
  return { done, total: rows.length, points, maxPoints };
}

/**
 * The first exercise at or after `from` (course order, wrapping around) that is not done.
 * @example nextUnfinished(rows, 0)?.exercise.id // '01-lazy-range'
 */
export function nextUnfinished(rows: readonly ProgressRow[], from = 0): ProgressRow | undefined {
  for (let k = 0; k < rows.length; k++) {
    const row = rows[(from + k) % rows.length]!;
    if (row.status?.kind !== 'done') return row;
  }
  return undefined;
}
