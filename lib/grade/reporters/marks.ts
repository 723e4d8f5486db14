/** The letter beside an exercise's score in the terminal table and on the page, and its legend. */
import type { ExerciseGrade } from '../../model.ts';

const MARK: Record<ExerciseGrade['status'], string> = {
  passed: '',
  partial: '',
  failed: '',
  timeout: 'T',
  crashed: 'C',
  missing: '',
  withheld: 'W',
};

/** A grade's cell: `-` when missing, else the score and its letter, after `gap` (`0 T`, `7.5`). */
export function cellText(g: ExerciseGrade, gap: string): string {
  if (g.status === 'missing') return '-';
  const mark = g.untouched ? 'N' : MARK[g.status];
  return `${fmt(g.score)}${mark ? `${gap}${mark}` : ''}`;
}

export const LEGEND =
  'T timeout, C crashed, W withheld by the checker, N not started (the stub, unchanged), - missing';

/** A score with at most one decimal. */
export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
