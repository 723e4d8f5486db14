import { z } from 'zod';
import { isValueReference, SK, ts } from '../ast.ts';
import { isLive } from '../live.ts';
import { cannotVerify, defineRule, nameOf, unresolved, type Issue } from '../rule.ts';
import { within } from '../scope.ts';

/**
 * A role: the export is built from the exercise's own helpers, used in code that runs, as the
 * post's firstEvens is islice over filter
 * (`{ "rule": "built-from", "export": "firstEvens", "helpers": ["islice", "filter"] }`).
 */
export default defineRule({
  id: 'built-from',
  severity: 'essential',
  summary: "the export uses the exercise's own helpers, in code that runs",
  params: z.strictObject({
    export: z.string().min(1),
    helpers: z.array(z.string().min(1)).min(1),
  }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind !== 'found')
      return unresolved(ctx, p.export, target, `built from ${p.helpers.join(', ')}`);
    const scope = ctx.scope(target);
    const issues: Issue[] = [];
    for (const helper of p.helpers) {
      const h = ctx.resolve(helper);
      if (h.kind === 'unknown') {
        issues.push(
          cannotVerify(ctx, helper, h, 'a generator function', `export function* ${helper}(...)`),
        );
        continue;
      }
      if (h.kind === 'missing') continue; // its own checks report it
      let used = false;
      for (const [m, id] of within<ts.Identifier>(scope, SK.Identifier)) {
        if (used || !isValueReference(id) || !m.declared.has(id.text)) continue;
        const t = ctx.resolveLocal(m, id.text);
        used = t.kind === 'found' && t.node === h.node && isLive(scope, m, id);
      }
      if (!used)
        issues.push({
          module: target.module,
          node: nameOf(target.node),
          message:
            `\`${p.export}\` must be built from your \`${helper}\`, in code that runs, and it is ` +
            `not. The exercise composes its pieces: reusing \`${helper}\` is what shows the ` +
            `helpers work together lazily. Call \`${helper}(...)\` inside \`${p.export}\` (${ctx.hint}).`,
        });
    }
    return issues;
  },
});
