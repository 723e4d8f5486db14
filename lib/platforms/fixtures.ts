/**
 * Hand-made grades in the shared model, one per exercise status, for the formats' unit tests:
 * quick to build, and each one a case a format could get wrong (shares that do not divide,
 * withheld points, tests that never ran, a file that did not load).
 */
import type { ExerciseGrade, SubmissionGrade, TestOutcome } from '../model.ts';
import { SubmissionGradeSchema } from '../model.ts';

function tests(task: string, states: TestOutcome['state'][]): TestOutcome[] {
  return states.map((state, i) => ({
    suite: [task],
    name: `behaviour ${i + 1}`,
    state,
    duration: 3,
    ...(state === 'failed' && {
      failure: {
        message: `AssertionError: expected ${i} to be ${i + 1}`,
        expected: String(i + 1),
        received: String(i),
        at: { file: '01-lazy-range/lazy-range.test.ts', line: 10 + i, column: 5 },
        thrownAt: { file: '01-lazy-range/lazy-range.ts', line: 3, column: 9 },
        stub: false,
      },
    }),
  }));
}

function exercise(e: Partial<ExerciseGrade> & Pick<ExerciseGrade, 'id' | 'points'>): ExerciseGrade {
  const list = e.tests ?? [];
  return {
    title: e.id,
    score: 0,
    status: 'failed',
    passed: list.filter((t) => t.state === 'passed').length,
    total: list.length,
    tests: list,
    loadErrors: [],
    findings: [],
    warnings: [],
    output: '',
    duration: 100,
    ...e,
  };
}

const P = 'passed' as const;
const F = 'failed' as const;

export const FIXTURE_SUBMISSION: SubmissionGrade = SubmissionGradeSchema.parse({
  student: 'ada',
  source: '/tmp/ada',
  status: 'graded',
  hash: 'h',
  score: 28.71,
  maxScore: 10 + 15 + 15 + 20 + 10 + 25,
  ignored: [],
  isolation: [],
  duration: 5000,
  exercises: [
    exercise({
      id: '01-lazy-range',
      points: 10,
      score: 10,
      status: 'passed',
      tests: tests('1. Count up to a stop', [P, P, P]),
      typeErrors: [
        {
          file: '01-lazy-range/lazy-range.ts',
          line: 5,
          column: 14,
          code: 2322,
          message: "Type 'string' is not assignable to type 'number'.",
        },
      ],
    }),
    // 5 of 7 tests of a 15-point exercise: 10.714..., rounded to 10.71 by the grader.
    exercise({
      id: '02-iterables',
      points: 15,
      score: 10.71,
      status: 'partial',
      reason: '5 of 7 tests pass',
      tests: tests('2. A Range', [P, P, F, P, P, F, P]),
    }),
    exercise({
      id: '03-generator-states',
      points: 15,
      score: 0,
      status: 'withheld',
      reason: 'no-eager-collection: builds an array',
      tests: tests('1. States', [P, P]),
      findings: [
        {
          rule: 'no-eager-collection',
          severity: 'essential',
          file: '03-generator-states/generator-states.ts',
          line: 4,
          column: 3,
          message: 'builds an array',
        },
      ],
    }),
    // A timeout: 2 passed, the third hung, two more never ran (not listed).
    exercise({
      id: '04-lazy-pipelines',
      points: 20,
      score: 8,
      status: 'timeout',
      reason: 'timed out in "1. Take > behaviour 3"',
      total: 5,
      tests: [
        ...tests('1. Take', [P]),
        { ...tests('1. Take', [P])[0]!, name: 'behaviour 2', output: 'took 2\n' },
        {
          suite: ['1. Take'],
          name: 'behaviour 3',
          state: 'failed',
          failure: { message: 'timed out after 20 s', stub: false },
          output: 'still looping\n',
        },
      ],
      output: 'hello from the learner\ntook 2\nstill looping\n',
    }),
    exercise({
      id: '05-send',
      points: 10,
      status: 'failed',
      reason: 'the test file did not load',
      loadErrors: ["SyntaxError: Unexpected token '}' (05-send/send.ts:3:1)"],
    }),
    exercise({
      id: '10-delegate-by-hand',
      points: 25,
      status: 'missing',
      reason: 'no 10-delegate-by-hand/delegate-by-hand.ts',
      total: 0,
    }),
  ],
});
