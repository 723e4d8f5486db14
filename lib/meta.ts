import { z } from 'zod';

/** A checker rule applied to an exercise: a rule id plus the rule's own parameters. */
export const CheckSchema = z.looseObject({
  rule: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a rule id is kebab-case, like "generator-function"'),
});

/** The metadata each exercise keeps in `meta.json`. The folder name gives number and slug. */
export const MetaSchema = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().min(3),
  summary: z.string().min(10).max(160),
  concepts: z.array(z.string().min(2)).min(1),
  prerequisites: z.array(z.string().regex(/^\d{2}-[a-z0-9-]+$/)).default([]),
  points: z.number().int().positive(),
  hints: z.array(z.string().min(10)).min(2, 'give at least two hints, from gentle to direct'),
  checks: z.array(CheckSchema).default([]),
});

export type Meta = z.infer<typeof MetaSchema>;
export type Check = z.infer<typeof CheckSchema>;

/** Parses meta.json text, or throws one line naming the file, the field and the problem. */
export function parseMeta(text: string, file: string): Meta {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message}); fix the syntax.`);
  }
  const result = MetaSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new Error(`${file}: ${where}: ${issue.message}`);
  }
  return result.data;
}
