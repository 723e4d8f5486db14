/**
 * One exercise's grade as Exercism's results.json (version 3): the canonical tests in test-file
 * order with their code and README task, and, when the checker found something, one last test
 * that stands for it, so that "pass" here means what `kata grade` means by passed.
 */
import type { CheckerMode, ExerciseGrade, TestOutcome } from '../model.ts';
import { fullName } from '../model.ts';
import {
  EXERCISM_OUTPUT_LIMIT,
  type ExercismResults,
  type ExercismTest,
} from './exercism-schema.ts';
import { findTestSource, type TestSource } from './test-code.ts';
import { cut, exerciseNumber, findingText, notRunText, taskNumber, typeErrorText } from './text.ts';

/** The spec's own wording for a cut output. */
export const EXERCISM_CUT_MARKER = '\n[Output was truncated. Please limit to 500 chars]';

/** The name of the test that stands for the checker. */
export const CHECKER_TEST_NAME = 'Checker > no essential finding';
/** The name of the test that lists type errors: it always passes, they cost nothing. */
export const TYPES_TEST_NAME = 'Types > type errors cost nothing';

export function exercismResults(
  grade: ExerciseGrade,
  sources: TestSource[],
  checker: CheckerMode = 'withhold',
  /** Per-test learner output: by default what the grader saw the test print. */
  outputOf: (test: TestOutcome) => string | undefined = (test) => test.output,
): ExercismResults {
  if (grade.tests.length === 0) {
    const why = grade.loadErrors.length ? grade.loadErrors.join('\n') : grade.reason;
    // No test to hang it on: what the code printed while loading goes with the error.
    const printed = grade.output.trim() ? `\n\nYour code printed:\n${grade.output}` : '';
    return {
      version: 3,
      status: 'error',
      message: `${why || `No test ran (${grade.status}).`}${printed}`,
      tests: [],
    };
  }
  const tests = grade.tests.map((test): ExercismTest => {
    const source = findTestSource(sources, test);
    const status =
      test.state === 'passed' ? 'pass' : test.state === 'failed' && test.failure ? 'fail' : 'error';
    const output = outputOf(test);
    const task = taskNumber(test);
    return {
      name: fullName(test),
      status,
      message: status === 'pass' ? null : notRunText(grade, test),
      ...(output ? { output: cut(output, EXERCISM_OUTPUT_LIMIT, EXERCISM_CUT_MARKER) } : {}),
      test_code: source?.code ?? '',
      ...(task !== undefined && { task_id: task }),
    };
  });
  if (checker !== 'off' && grade.findings.length) {
    const blocking = grade.status === 'withheld';
    tests.push({
      name: CHECKER_TEST_NAME,
      status: blocking ? 'fail' : 'pass',
      message: [
        blocking
          ? `Points withheld: ${grade.reason ?? 'an essential finding'}.`
          : 'Nothing essential.',
        ...grade.findings.map(findingText),
      ].join('\n'),
      test_code: `npx kata check --exercise ${exerciseNumber(grade.id)}`,
    });
  }
  // Exercism's TypeScript runner replaces every result with the compiler's dump; here the tests
  // ran, and the type errors are listed last, each on one line.
  if (grade.typeErrors?.length) {
    tests.push({
      name: TYPES_TEST_NAME,
      status: 'pass',
      message: [
        'Your code runs, but TypeScript reports these (fix them all the same):',
        ...grade.typeErrors.map(typeErrorText),
      ].join('\n'),
      test_code: 'npx tsc --noEmit',
    });
  }
  return {
    version: 3,
    status: tests.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    message: null,
    tests,
  };
}
