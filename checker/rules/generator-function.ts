import { z } from 'zod';
import { defineRule } from '../rule.ts';
import { requireGenerator } from '../shapes.ts';

/** The export is a `function*`: declared, assigned, a method, default, renamed or re-exported. */
export default defineRule({
  id: 'generator-function',
  severity: 'essential',
  summary: 'the export is a generator function (function*)',
  params: z.strictObject({ export: z.string().min(1) }),
  check: (ctx, p) => requireGenerator(ctx, p.export, false),
});
