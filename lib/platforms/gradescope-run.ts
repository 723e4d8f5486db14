/**
 * What run_autograder runs inside Gradescope's container: grades `<root>/submission` with the
 * grader and keeps `<root>/results/results.json` valid at every moment: a placeholder first, the
 * exercises graded so far as they finish, the full results at the end. A grading budget stops the
 * grader well inside Gradescope's global timeout (which would zero everything and show nothing).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../catalog.ts';
import { discoverSubmissions } from '../grade/discover.ts';
import { gradeClass } from '../grade/grader.ts';
import type { CheckerMode, ExerciseGrade, SubmissionGrade } from '../model.ts';
import { sumPoints } from './points.ts';
import { gradescopeResults, partialResults, type GradescopeOptions } from './gradescope.ts';
import type { GradescopeResults } from './gradescope-schema.ts';
import { writeJsonAtomic } from './write.ts';

export interface GradescopeRunOptions extends GradescopeOptions {
  /** The autograder tree: `/autograder` on Gradescope, a temporary folder in tests. */
  root: string;
  timeoutMs: number;
  /** Grading stops after this long and the results say what was graded. */
  budgetMs: number;
  checker: CheckerMode;
  /** Parts graded one after the other, results written after each (default 2). */
  parts?: number;
}

/**
 * The grader reports a submission when all of it is graded; to leave results on disk as grading
 * goes, run_autograder grades the exercises in a few parts, one after the other, and writes the
 * results after each. Each part costs one more start of the test process (a second or two), and
 * an exercise's grade does not depend on which part it ran in.
 * TODO(grader): with a per-exercise hook in gradeClass, one part would do.
 */
export const DEFAULT_PARTS = 2;

/** `items` in `n` runs of about the same length, in order. */
export function parts<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, n));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One submission's grade from its parts: exercises in order, scores added in hundredths. */
export function mergeGrades(grades: SubmissionGrade[]): SubmissionGrade {
  const [first, ...rest] = grades;
  if (!first) throw new Error('mergeGrades: no grade to merge');
  // A file another part graded is "ignored" in this part's list: keep what every part ignored.
  const ignored = first.ignored.filter((f) =>
    rest.every((g) => g.ignored.some((h) => h.file === f.file)),
  );
  return {
    ...first,
    score: sumPoints(grades.map((g) => g.score)),
    maxScore: sumPoints(grades.map((g) => g.maxScore)),
    exercises: grades.flatMap((g) => g.exercises),
    ignored,
    duration: grades.reduce((n, g) => n + g.duration, 0),
  };
}

export async function runGradescope(o: GradescopeRunOptions): Promise<GradescopeResults> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const file = join(o.root, 'results', 'results.json');
  const { exercises } = loadCatalog();
  const info = exercises.map((e) => ({ id: e.id, title: e.meta.title, points: e.meta.points }));
  const write = (r: GradescopeResults) => (writeJsonAtomic(file, r), r);
  const stopped = (why: string, graded: ExerciseGrade[] = []) =>
    write(partialResults(info, graded, why, o, elapsed()));

  stopped('Grading started but did not finish: the autograder was stopped before the end.');

  const folder = join(o.root, 'submission');
  if (!existsSync(folder)) return stopped(`No submission folder at ${folder}.`);
  let submissions;
  try {
    submissions = discoverSubmissions([folder]);
  } catch (err) {
    return stopped(`The submission could not be read: ${(err as Error).message}`);
  }
  if (submissions.length !== 1) {
    return stopped(
      `The submission holds ${submissions.length} folders or zips: upload one folder shaped like ` +
        'exercises/, a clone of the pack, or one zip of either.',
    );
  }
  const submission = { ...submissions[0]!, student: 'submission' };

  const graded: SubmissionGrade[] = [];
  const exercisesGraded = () => graded.flatMap((g) => g.exercises);
  const abort = new AbortController();
  const budget = setTimeout(() => abort.abort(), o.budgetMs);
  const out = mkdtempSync(join(tmpdir(), 'kata-gradescope-'));
  try {
    const list = parts(exercises, o.parts ?? DEFAULT_PARTS);
    for (const [i, part] of list.entries()) {
      const report = await gradeClass({
        submissions: [submission],
        out,
        timeoutMs: o.timeoutMs,
        checker: o.checker,
        fresh: true,
        concurrency: 1,
        exercises: part,
        signal: abort.signal,
      });
      const grade = report.submissions[0];
      if (!grade) {
        return stopped(
          `Grading stopped after its budget of ${Math.round(o.budgetMs / 1000)} s; ` +
            'the exercises not listed as graded earn nothing.',
          exercisesGraded(),
        );
      }
      // Unreadable (a corrupt zip, no exercise folder): the grader says why, once.
      if (grade.status === 'error') return write(gradescopeResults(grade, o, elapsed()));
      graded.push(grade);
      if (i < list.length - 1) {
        stopped(
          'Grading is still running: these are the exercises graded so far.',
          exercisesGraded(),
        );
      }
    }
    return write(gradescopeResults(mergeGrades(graded), o, elapsed()));
  } catch (err) {
    return stopped(`The grader failed: ${(err as Error).message}`, exercisesGraded());
  } finally {
    clearTimeout(budget);
    rmSync(out, { recursive: true, force: true });
  }
}
