import { z } from 'zod';
import { defineRule } from '../rule.ts';
import { requireGenerator } from '../shapes.ts';

/** The export is an `async function*`, however it is exported. */
export default defineRule({
  id: 'async-generator-function',
  severity: 'essential',
  summary: 'the export is an async generator function (async function*)',
  params: z.strictObject({ export: z.string().min(1) }),
  check: (ctx, p) => requireGenerator(ctx, p.export, true),
});
