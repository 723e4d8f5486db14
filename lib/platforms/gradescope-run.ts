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
import type { CheckerMode, ExerciseGrade } from '../model.ts';
import { gradescopeResults, partialResults, type GradescopeOptions } from './gradescope.ts';
import { GradescopeResultsSchema, type GradescopeResults } from './gradescope-schema.ts';
import { writeJsonAtomic } from './write.ts';

export interface GradescopeRunOptions extends GradescopeOptions {
  /** The autograder tree: `/autograder` on Gradescope, a temporary folder in tests. */
  root: string;
  timeoutMs: number;
  /** Grading stops after this long and the results say what was graded. */
  budgetMs: number;
  checker: CheckerMode;
  /** After each write of results.json, with the number of exercises graded so far. */
  onWrite?: (results: GradescopeResults, graded: number) => void;
}

export async function runGradescope(o: GradescopeRunOptions): Promise<GradescopeResults> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const file = join(o.root, 'results', 'results.json');
  const { exercises } = loadCatalog();
  const info = exercises.map((e) => ({ id: e.id, title: e.meta.title, points: e.meta.points }));
  const write = (r: GradescopeResults) => {
    writeJsonAtomic(file, GradescopeResultsSchema.parse(r));
    o.onWrite?.(r, graded.length);
    return r;
  };
  const graded: ExerciseGrade[] = [];
  const stopped = (why: string) => write(partialResults(info, graded, why, o, elapsed()));

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

  const abort = new AbortController();
  const budget = setTimeout(() => abort.abort(), o.budgetMs);
  const out = mkdtempSync(join(tmpdir(), 'kata-gradescope-'));
  try {
    const report = await gradeClass({
      submissions: [submission],
      out,
      timeoutMs: o.timeoutMs,
      checker: o.checker,
      fresh: true,
      concurrency: 1,
      signal: abort.signal,
      // Written after each exercise, so a kill leaves every exercise graded so far.
      onExerciseGraded: (_student, grade) => {
        graded.push(grade);
        stopped('Grading is still running: these are the exercises graded so far.');
      },
    });
    const grade = report.submissions[0];
    if (!grade) {
      return stopped(
        `Grading stopped after its budget of ${Math.round(o.budgetMs / 1000)} s; ` +
          'the exercises not listed as graded earn nothing.',
      );
    }
    // Graded, or unreadable (a corrupt zip, no exercise folder): the grader says which, once.
    return write(gradescopeResults(grade, o, elapsed()));
  } catch (err) {
    return stopped(`The grader failed: ${(err as Error).message}`);
  } finally {
    clearTimeout(budget);
    rmSync(out, { recursive: true, force: true });
  }
}
