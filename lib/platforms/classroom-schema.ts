/**
 * GitHub Classroom's runner result: what each grader action (`education/autograding-*-grader`)
 * sets as its `result` output, base64 of this JSON, and what `autograding-grading-reporter` reads
 * back from `<RUNNER_ID>_RESULTS`. The reporter's "Points X/Y" adds up the tests' `score` against
 * each runner's `max_score`; its table uses passed/total × max_score, so the two agree only when a
 * test passes exactly when it earns its score.
 */
import { z } from 'zod';

export const ClassroomTestSchema = z.strictObject({
  name: z.string(),
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number().nonnegative(),
  message: z.string().nullable().optional(),
  test_code: z.string(),
  filename: z.string(),
  /** 0 when there is no line. */
  line_no: z.number().int().nonnegative(),
  /** Milliseconds. */
  duration: z.number().nonnegative(),
});
export type ClassroomTest = z.infer<typeof ClassroomTestSchema>;

export const ClassroomResultSchema = z.strictObject({
  version: z.literal(1),
  status: z.enum(['pass', 'fail', 'error']),
  max_score: z.number().nonnegative(),
  tests: z.array(ClassroomTestSchema),
});
export type ClassroomResult = z.infer<typeof ClassroomResultSchema>;
