/**
 * A submission's grade as Gradescope's results.json: a test entry per canonical test, numbered
 * "exercise.test" so the page groups them per exercise, and an "exercise.0" entry that says the
 * exercise's status and lists its checker findings, warnings and the learner's output.
 * Scores come from the grader's model only: per-test shares add up to each exercise's score, and
 * the top-level score is the submission's.
 */
import type { ExerciseGrade, SubmissionGrade } from '../model.ts';
import { fullName } from '../model.ts';
import type {
  GradescopeResults,
  GradescopeTest,
  GradescopeVisibility,
} from './gradescope-schema.ts';
import { exerciseShares, sumPoints } from './points.ts';
import { cut, exerciseNumber, findingText, notRunText, points, typeErrorText } from './text.ts';

export interface GradescopeOptions {
  /** Default visibility of every test (Gradescope's own default is `visible`). */
  visibility?: GradescopeVisibility;
  /** Whether students see run_autograder's stdout (default: hidden, only instructors). */
  stdoutVisibility?: GradescopeVisibility;
}

/** The exercises of the pack, for the entries of those not graded yet. */
export interface ExerciseInfo {
  id: string;
  title: string;
  points: number;
}

const OUTPUT_LIMIT = 4000;

export function gradescopeResults(
  submission: SubmissionGrade,
  options: GradescopeOptions = {},
  /** Seconds since run_autograder started. */
  executionTime = submission.duration / 1000,
): GradescopeResults {
  const tests = submission.exercises.flatMap((grade) => exerciseTests(grade, options));
  const lines = submission.exercises.map(
    (g) => `| ${g.id} | ${g.status} | ${points(g.score)} / ${points(g.points)} |`,
  );
  const header =
    submission.status === 'error'
      ? `The submission could not be graded: ${submission.reason ?? 'unknown reason'}.`
      : `Score: ${points(submission.score)} / ${points(submission.maxScore)}`;
  return {
    score: submission.score,
    execution_time: Math.round(executionTime),
    output: [header, '', '| exercise | status | points |', '| --- | --- | --- |', ...lines].join(
      '\n',
    ),
    output_format: 'md',
    test_output_format: 'text',
    ...(options.visibility && { visibility: options.visibility }),
    stdout_visibility: options.stdoutVisibility ?? 'hidden',
    extra_data: {
      student: submission.student,
      exercises: submission.exercises.map((g) => ({ id: g.id, status: g.status, score: g.score })),
      isolation: submission.isolation,
    },
    tests,
  };
}

/**
 * What to leave on disk while grading runs: the exercises graded so far, and one zero entry per
 * exercise still to grade, so a kill at any moment leaves valid results that say what happened.
 */
export function partialResults(
  exercises: ExerciseInfo[],
  graded: ExerciseGrade[],
  note: string,
  options: GradescopeOptions = {},
  executionTime = 0,
): GradescopeResults {
  const done = new Map(graded.map((g) => [g.id, g]));
  const tests = exercises.flatMap((info): GradescopeTest[] => {
    const grade = done.get(info.id);
    if (grade) return exerciseTests(grade, options);
    return [
      {
        name: `${info.id}: not graded`,
        number: `${exerciseNumber(info.id)}.0`,
        score: 0,
        max_score: info.points,
        status: 'failed',
        output: note,
        tags: [info.id],
        ...(options.visibility && { visibility: options.visibility }),
      },
    ];
  });
  const score = sumPoints(graded.map((g) => g.score));
  const max = sumPoints(exercises.map((e) => e.points));
  return {
    score,
    execution_time: Math.round(executionTime),
    output: `${note}\n\nScore so far: ${points(score)} / ${points(max)}`,
    output_format: 'md',
    test_output_format: 'text',
    ...(options.visibility && { visibility: options.visibility }),
    stdout_visibility: options.stdoutVisibility ?? 'hidden',
    tests,
  };
}

function exerciseTests(grade: ExerciseGrade, options: GradescopeOptions): GradescopeTest[] {
  const n = exerciseNumber(grade.id);
  const { tests, unlisted } = exerciseShares(grade);
  const common = {
    tags: [grade.id],
    ...(options.visibility && { visibility: options.visibility }),
  };
  const summary: GradescopeTest = {
    name: `${grade.id}: ${grade.title}: ${grade.status}, ${points(grade.score)} / ${points(grade.points)}`,
    number: `${n}.0`,
    status: grade.status === 'passed' ? 'passed' : 'failed',
    output: cut(exerciseOutput(grade), OUTPUT_LIMIT),
    ...(unlisted > 0 && { score: 0, max_score: unlisted }),
    ...common,
  };
  return [
    summary,
    ...tests.map(({ test, max, score, earned }, i): GradescopeTest => {
      const passed = test.state === 'passed';
      let output = passed ? '' : notRunText(grade, test);
      if (passed && !earned)
        output = `Passed, but the exercise's points are withheld: ${grade.reason ?? 'checker finding'}.`;
      if (test.output) output += `${output ? '\n\n' : ''}Your code printed:\n${test.output}`;
      return {
        name: `${grade.id}: ${fullName(test)}`,
        number: `${n}.${i + 1}`,
        score,
        max_score: max,
        status: passed ? 'passed' : 'failed',
        ...(output && { output: cut(output, OUTPUT_LIMIT) }),
        ...common,
      };
    }),
  ];
}

/** The exercise entry's text: status and reason, load errors, findings, warnings, output. */
function exerciseOutput(grade: ExerciseGrade): string {
  const parts = [
    `${grade.passed} of ${grade.total} tests passed; status ${grade.status}${grade.reason ? `: ${grade.reason}` : ''}.`,
  ];
  if (grade.loadErrors.length)
    parts.push(`The test file did not load:\n${grade.loadErrors.join('\n')}`);
  if (grade.findings.length) {
    parts.push(`Checker findings:\n${grade.findings.map(findingText).join('\n')}`);
  }
  if (grade.typeErrors?.length)
    parts.push(`Type errors (cost nothing):\n${grade.typeErrors.map(typeErrorText).join('\n')}`);
  if (grade.warnings.length) parts.push(`Warnings (cost nothing):\n${grade.warnings.join('\n')}`);
  if (grade.output) parts.push(`Your code printed:\n${grade.output}`);
  return parts.join('\n\n');
}
