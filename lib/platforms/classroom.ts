/**
 * A submission's grade as GitHub Classroom runner results, one runner per exercise, for
 * `autograding-grading-reporter` to print and to post as "Points X/Y". A test is `pass` only when
 * it earned its points (a withheld exercise's passing tests say so in their message): the
 * reporter's table counts passes while its total adds scores, and both must say the same.
 */
import type { ExerciseGrade, SubmissionGrade } from '../model.ts';
import { fullName } from '../model.ts';
import type { ClassroomResult, ClassroomTest } from './classroom-schema.ts';
import { exerciseShares } from './points.ts';
import { findTestSource, type TestSource } from './test-code.ts';
import { exerciseNumber, notRunText } from './text.ts';

/** The step output and runner id for an exercise: `ex04`, letters and digits only. */
export function runnerId(exerciseId: string): string {
  return `ex${String(exerciseNumber(exerciseId)).padStart(2, '0')}`;
}

export function classroomResult(
  grade: ExerciseGrade,
  sources: TestSource[],
  /** Maps a file the model names to its path in the student's repository. */
  repoPath: (file: string) => string = (f) => f,
): ClassroomResult {
  const { tests } = exerciseShares(grade);
  const out: ClassroomTest[] = tests.map(({ test, score, earned }) => {
    const source = findTestSource(sources, test);
    let message: string | null = null;
    if (test.state !== 'passed') message = notRunText(grade, test);
    else if (!earned)
      message = `Passed, but the points are withheld: ${grade.reason ?? 'checker finding'}.`;
    return {
      name: fullName(test),
      status: earned ? 'pass' : test.state === 'failed' && test.failure ? 'fail' : 'error',
      score,
      message,
      test_code: source?.code ?? '',
      filename: source ? repoPath(source.file) : '',
      line_no: source?.line ?? 0,
      duration: Math.round(test.duration ?? 0),
    };
  });
  // One entry per test that never ran, so the reporter's passed/total agrees with the scores.
  for (let i = tests.length; i < Math.max(grade.total, 1); i++) {
    out.push({
      name: `${grade.id}: test ${i + 1} of ${grade.total || '?'} did not run`,
      status: 'error',
      score: 0,
      message: grade.loadErrors.join('\n') || grade.reason || `status ${grade.status}`,
      test_code: '',
      filename: '',
      line_no: 0,
      duration: 0,
    });
  }
  const status = out.every((t) => t.status === 'pass')
    ? 'pass'
    : out.every((t) => t.status === 'error')
      ? 'error'
      : 'fail';
  return { version: 1, status, max_score: grade.points, tests: out };
}

/** One runner result per exercise, keyed by runner id. */
export function classroomResults(
  submission: SubmissionGrade,
  sourcesOf: (grade: ExerciseGrade) => TestSource[],
  repoPath?: (file: string) => string,
): Map<string, ClassroomResult> {
  return new Map(
    submission.exercises.map((g) => [runnerId(g.id), classroomResult(g, sourcesOf(g), repoPath)]),
  );
}

/** What the reporter action computes as "Points X/Y" from these results (its NotifyClassroom). */
export function classroomPoints(results: ClassroomResult[]): { score: number; max: number } {
  let score = 0;
  let max = 0;
  for (const r of results) {
    if (!r.max_score) continue;
    max += Math.round(r.max_score * 100);
    for (const t of r.tests) score += Math.round(t.score * 100);
  }
  return { score: score / 100, max: max / 100 };
}
