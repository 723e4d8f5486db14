/**
 * Gradescope's autograder results (`/autograder/results/results.json`), field by field from the
 * published specification (gradescope-autograders.readthedocs.io, "Autograder Specifications").
 * Strict objects: a misspelt key would be silently ignored by Gradescope, so it fails here.
 */
import { z } from 'zod';

export const GRADESCOPE_VISIBILITIES = [
  'hidden',
  'after_due_date',
  'after_published',
  'visible',
] as const;
export type GradescopeVisibility = (typeof GRADESCOPE_VISIBILITIES)[number];

export const GRADESCOPE_FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'] as const;

const Visibility = z.enum(GRADESCOPE_VISIBILITIES);
const Format = z.enum(GRADESCOPE_FORMATS);

export const GradescopeTestSchema = z.strictObject({
  score: z.number().optional(),
  max_score: z.number().optional(),
  status: z.enum(['passed', 'failed']).optional(),
  name: z.string().optional(),
  name_format: Format.optional(),
  /** Orders the tests on the page, like "4.2". */
  number: z.string().optional(),
  output: z.string().optional(),
  output_format: Format.optional(),
  tags: z.array(z.string()).optional(),
  visibility: Visibility.optional(),
  extra_data: z.record(z.string(), z.unknown()).optional(),
});
export type GradescopeTest = z.infer<typeof GradescopeTestSchema>;

export const GradescopeResultsSchema = z
  .strictObject({
    /** Overrides the sum of the tests' scores when present. */
    score: z.number().optional(),
    /** Seconds. */
    execution_time: z.number().nonnegative().optional(),
    output: z.string().optional(),
    output_format: Format.optional(),
    test_output_format: Format.optional(),
    test_name_format: Format.optional(),
    visibility: Visibility.optional(),
    stdout_visibility: Visibility.optional(),
    extra_data: z.record(z.string(), z.unknown()).optional(),
    tests: z.array(GradescopeTestSchema).optional(),
    leaderboard: z
      .array(
        z.strictObject({
          name: z.string(),
          value: z.union([z.number(), z.string()]),
          order: z.enum(['asc', 'desc']).optional(),
        }),
      )
      .optional(),
  })
  .refine((r) => r.score !== undefined || (r.tests ?? []).some((t) => t.score !== undefined), {
    message: 'a score is required: at the top level or on the tests',
  });
export type GradescopeResults = z.infer<typeof GradescopeResultsSchema>;
