/**
 * The one data model of results, shared by the learner's runner (cli/), the self-check
 * (lib/run-tests.ts), the grader (lib/grade/) and every reporter: a test outcome, an exercise's
 * grade, a submission's grade and a class report. Schemas are zod so that report.json and the
 * grader's resume files are validated where they are read and written; the types are inferred
 * from them, so there is no second definition to drift.
 */
import { z } from 'zod';
import { SEVERITIES, type Finding } from '../checker/finding.ts';

export const LocationSchema = z.object({
  /** Absolute path (runner), or a path relative to the submission (grader). */
  file: z.string(),
  /** 1-based. */
  line: z.number().int(),
  /** 1-based. */
  column: z.number().int(),
});
export type Location = z.infer<typeof LocationSchema>;

/** Why one test failed, reduced to what fits on two or three lines. */
export const FailureSchema = z.object({
  /** The first line of the error, with its type when that says something (`TypeError: ...`). */
  message: z.string(),
  /** Set together with `received` when the assertion compared two values. One line each. */
  expected: z.string().optional(),
  received: z.string().optional(),
  /** The line of the test file where the failing assertion or call is. */
  at: LocationSchema.optional(),
  /** Where in the learner's file the error was thrown, when it was thrown there. */
  thrownAt: LocationSchema.optional(),
  /** The error is the stub's own `Not implemented yet` error: the learner has not started. */
  stub: z.boolean(),
});
export type Failure = z.infer<typeof FailureSchema>;

export const TEST_STATES = ['passed', 'failed', 'skipped', 'pending'] as const;
export type TestState = (typeof TEST_STATES)[number];

/** What happened to one test. */
export const TestOutcomeSchema = z.object({
  /** The enclosing `describe` names, outermost first: the README task is `suite[0]`. */
  suite: z.array(z.string()),
  name: z.string(),
  state: z.enum(TEST_STATES),
  /** Milliseconds, when measured. */
  duration: z.number().optional(),
  /** Where the test is declared. */
  declaredAt: LocationSchema.optional(),
  failure: FailureSchema.optional(),
  /** What the learner's code printed while this test ran, cut with a visible marker (grader). */
  output: z.string().optional(),
  /**
   * Tagged `heavy` (lib/test-options.ts): watch mode runs it only once every other test of its
   * file passed; `skipped` with this set means it waits for them (runner).
   */
  heavy: z.boolean().optional(),
});
export type TestOutcome = z.infer<typeof TestOutcomeSchema>;

/**
 * The name vitest and anti.json use: `1. Count up to a stop > yields 0 up to stop - 1`.
 * @example fullName({ suite: ['1. A'], name: 'b', state: 'passed' }) // '1. A > b'
 */
export function fullName(test: Pick<TestOutcome, 'suite' | 'name'>): string {
  return [...test.suite, test.name].join(' > ');
}

// ---------------------------------------------------------------------------------------------
// Grades (kata grade)

/**
 * A checker finding as the grader reports it: the checker's own `Finding` (checked here, so the
 * two cannot drift), with the file relative to the submission.
 */
export const GradeFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
}) satisfies z.ZodType<Finding>;
export type GradeFinding = Finding;

/** A type error in a learner file: it costs nothing, the grade is on behaviour. */
export const TypeWarningSchema = LocationSchema.extend({
  /** TypeScript's error code (2322 for TS2322); 0 on the entry that counts the ones not listed. */
  code: z.number().int(),
  message: z.string(),
});
export type TypeWarning = z.infer<typeof TypeWarningSchema>;

/**
 * One status per exercise. passed: every test passed; partial: some; failed: none; timeout: a test
 * ran past the limit; crashed: the process died (exit, kill, out of memory); missing: no learner
 * file; withheld: an essential checker finding withholds the points.
 */
export const EXERCISE_STATUSES = [
  'passed',
  'partial',
  'failed',
  'timeout',
  'crashed',
  'missing',
  'withheld',
] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

export const ExerciseGradeSchema = z.object({
  /** `01-lazy-range` */
  id: z.string(),
  title: z.string(),
  /** The exercise's points (meta.json). */
  points: z.number(),
  /** points × passed / total, two decimals; 0 when withheld. */
  score: z.number(),
  status: z.enum(EXERCISE_STATUSES),
  /** Why, in one line, when the status is not `passed`. */
  reason: z.string().optional(),
  passed: z.number().int(),
  total: z.number().int(),
  tests: z.array(TestOutcomeSchema),
  /** Errors that kept the test file from loading at all (a syntax error, a missing export). */
  loadErrors: z.array(z.string()),
  findings: z.array(GradeFindingSchema),
  /** Problems that cost nothing, other than type errors. */
  warnings: z.array(z.string()),
  /** Type errors in the learner files (cost nothing); absent when they were not type-checked. */
  typeErrors: z.array(TypeWarningSchema).optional(),
  /** What the learner's code printed while this exercise ran, cut with a visible marker. */
  output: z.string(),
  /** Wall time of the exercise's test file, milliseconds. */
  duration: z.number(),
  /** Handed in as the pack's stub, byte for byte: not started (graded like any other file). */
  untouched: z.literal(true).optional(),
});
export type ExerciseGrade = z.infer<typeof ExerciseGradeSchema>;

/** One isolation layer and whether it was on for this submission. */
export const IsolationLayerSchema = z.object({
  layer: z.string(),
  on: z.boolean(),
  detail: z.string(),
});
export type IsolationLayer = z.infer<typeof IsolationLayerSchema>;

export const IgnoredFileSchema = z.object({ file: z.string(), reason: z.string() });
export type IgnoredFile = z.infer<typeof IgnoredFileSchema>;

/** graded: every exercise has a status; error: the submission could not be graded at all. */
export const SubmissionGradeSchema = z.object({
  student: z.string(),
  /** The folder or zip graded, as given on the command line. */
  source: z.string(),
  status: z.enum(['graded', 'error']),
  reason: z.string().optional(),
  /** Hash of the learner files and the pack's tests: the resume key. */
  hash: z.string(),
  score: z.number(),
  maxScore: z.number(),
  exercises: z.array(ExerciseGradeSchema),
  ignored: z.array(IgnoredFileSchema),
  isolation: z.array(IsolationLayerSchema),
  /** Wall time of grading, milliseconds. */
  duration: z.number(),
});
export type SubmissionGrade = z.infer<typeof SubmissionGradeSchema>;

export const CHECKER_MODES = ['withhold', 'report', 'off'] as const;
export type CheckerMode = (typeof CHECKER_MODES)[number];

/** A whole class: what report.json holds and every reporter reads. */
export const GradeReportSchema = z.object({
  version: z.literal(1),
  settings: z.object({
    timeoutMs: z.number(),
    checker: z.enum(CHECKER_MODES),
  }),
  exercises: z.array(z.object({ id: z.string(), title: z.string(), points: z.number() })),
  maxScore: z.number(),
  submissions: z.array(SubmissionGradeSchema),
  /** The run was stopped (Ctrl-C) before every submission was graded. */
  interrupted: z.boolean(),
});
export type GradeReport = z.infer<typeof GradeReportSchema>;
