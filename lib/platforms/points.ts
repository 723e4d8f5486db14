/**
 * Splits an exercise's grade into per-test points for the platforms that score tests one by one
 * (Gradescope, GitHub Classroom). Work in hundredths: the grader rounds an exercise's score to two
 * decimals, and the per-test shares must add up to exactly that number and to exactly the
 * exercise's points, never to 10.709999 or 10.72.
 */
import type { ExerciseGrade, TestOutcome } from '../model.ts';

export interface TestShare {
  test: TestOutcome;
  /** What the test is worth. */
  max: number;
  /** What it earned: 0 unless it passed and the exercise's points are not withheld. */
  score: number;
  earned: boolean;
}

export interface ExerciseShares {
  tests: TestShare[];
  /**
   * Points of tests counted in `total` that the model lists no outcome for (they never ran:
   * the file did not load, or the run stopped); the whole exercise when no test is listed.
   */
  unlisted: number;
}

/** Splits `cents` into `n` whole-cent parts that differ by at most one cent, larger first. */
export function splitCents(cents: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(cents / n);
  const extra = cents - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

const toCents = (x: number) => Math.round(x * 100);
const fromCents = (c: number) => c / 100;

export function exerciseShares(grade: ExerciseGrade): ExerciseShares {
  const slots = Math.max(grade.total, grade.tests.length);
  if (slots === 0) return { tests: [], unlisted: grade.points };
  const maxes = splitCents(toCents(grade.points), slots);
  const earning = grade.tests.filter((t) => t.state === 'passed' && grade.status !== 'withheld');
  const scores = splitCents(toCents(grade.score), earning.length);
  let next = 0;
  const tests = grade.tests.map((test, i) => {
    const earned = earning.includes(test);
    return {
      test,
      max: fromCents(maxes[i]!),
      score: earned ? fromCents(scores[next++]!) : 0,
      earned,
    };
  });
  const unlisted = fromCents(maxes.slice(grade.tests.length).reduce((a, b) => a + b, 0));
  return { tests, unlisted };
}

/** Adds numbers given in hundredths without float drift. */
export function sumPoints(values: number[]): number {
  return fromCents(values.reduce((a, v) => a + toCents(v), 0));
}
