import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The kinds of cheat a defence is written against (issue 12, CONTRIBUTING.md "Kinds of cheat"):
 * A the checker gives up, B eager by another spelling, C helpers out of sight, D code from
 * strings, E files never opened, F a generator in name only, G presence instead of role,
 * H behaviour that changes under test, I tampering with what the tests use.
 */
export const CHEAT_KINDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;

/** One wrong solution and what must reject it: a checker rule, or a named test that must fail. */
export const AntiSchema = z.strictObject({
  file: z.string().regex(/^[a-z0-9-]+\.ts$/, 'a file name like "eager.ts" in the same folder'),
  why: z.string().min(5),
  kind: z.enum(CHEAT_KINDS).optional(),
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

/** An honest variant: another style of correct solution that every test and the checker accept. */
export interface Variant {
  file: string;
  /** Its first comment line: the style it shows. */
  style: string;
}

/** `solutions/NN-slug/variants/*.ts`, sorted; empty when the folder is missing. */
export function loadVariants(solutionDir: string): Variant[] {
  const dir = join(solutionDir, 'variants');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((file) => {
      const first = readFileSync(join(dir, file), 'utf8').split('\n')[0] ?? '';
      return { file, style: first.replace(/^\/\/\s*/, '') };
    });
}
