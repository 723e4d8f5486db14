import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One wrong solution and what must reject it: a checker rule, or a named test that must fail. */
export const AntiSchema = z.strictObject({
  file: z.string().regex(/^[a-z0-9-]+\.ts$/, 'a file name like "eager.ts" in the same folder'),
  why: z.string().min(5),
  rejectedBy: z.union([
    z.strictObject({ rule: z.string().min(2) }),
    z.strictObject({
      test: z.string().includes(' > ', { message: 'a full name "N. Title > test"' }),
    }),
  ]),
});
export const AntiListSchema = z.array(AntiSchema);
export type Anti = z.infer<typeof AntiSchema>;

/** Reads `solutions/NN-slug/anti/anti.json`; throws one line naming the file and the problem. */
export function loadAntis(solutionDir: string): Anti[] {
  const file = join(solutionDir, 'anti', 'anti.json');
  if (!existsSync(file)) {
    throw new Error(
      `${file}: missing; list the exercise's anti-solutions there (CONTRIBUTING.md).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message}).`);
  }
  const parsed = AntiListSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
