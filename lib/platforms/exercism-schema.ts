/**
 * Exercism's test-runner results (`results.json`, version 3), from the published "Test Runner
 * Interface" (exercism.org/docs/building/tooling/test-runners/interface).
 */
import { z } from 'zod';

/** The spec's cap on a test's user output, marker included. */
export const EXERCISM_OUTPUT_LIMIT = 500;
export const EXERCISM_MESSAGE_LIMIT = 65535;

export const ExercismTestSchema = z.strictObject({
  /** Human-readable; here the describe titles and the test title joined by ` > `. */
  name: z.string().min(1),
  status: z.enum(['pass', 'fail', 'error']),
  message: z.string().nullable().optional(),
  /** What the learner's own code printed during the test. */
  output: z.string().max(EXERCISM_OUTPUT_LIMIT).nullable().optional(),
  /** The body of the test: required for concept exercises, which every kata is. */
  test_code: z.string(),
  /** The README task the test belongs to (`### N.`), when it belongs to exactly one. */
  task_id: z.number().int().positive().optional(),
});
export type ExercismTest = z.infer<typeof ExercismTestSchema>;

export const ExercismResultsSchema = z
  .strictObject({
    version: z.literal(3),
    /** pass: every test passed; fail: one failed or errored; error: no test ran. */
    status: z.enum(['pass', 'fail', 'error']),
    message: z.string().max(EXERCISM_MESSAGE_LIMIT).nullable().optional(),
    tests: z.array(ExercismTestSchema),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'error' && !r.message) {
      ctx.addIssue({ code: 'custom', message: 'status "error" needs a message' });
    }
    if (r.status !== 'error' && r.message) {
      ctx.addIssue({ code: 'custom', message: 'message is only for status "error"' });
    }
    const allPass = r.tests.every((t) => t.status === 'pass');
    if (r.status === 'pass' && (!allPass || r.tests.length === 0)) {
      ctx.addIssue({ code: 'custom', message: 'status "pass" needs every test passing' });
    }
    if (r.status === 'fail' && allPass) {
      ctx.addIssue({ code: 'custom', message: 'status "fail" needs a failing test' });
    }
  });
export type ExercismResults = z.infer<typeof ExercismResultsSchema>;
