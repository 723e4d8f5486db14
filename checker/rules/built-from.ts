import { z } from 'zod';
import { isValueReference, SK, ts } from '../ast.ts';
import type { Module } from '../module.ts';
import { isLive, isUnconditional } from '../live.ts';
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
    const helperNodes = p.helpers
      .map((h) => ctx.resolve(h))
      .flatMap((t) => (t.kind === 'found' ? [t.node] : []));
    // Values yielded by hand, outside the helpers, mean the helpers are not what builds it.
    const own = ctx.scope(target, { skip: (_, n) => helperNodes.includes(n) });
    for (const [m, y] of within<ts.YieldExpression>(own, SK.YieldExpression)) {
      if (y.asteriskToken || helperNodes.some((h) => h.pos <= y.pos && y.end <= h.end)) continue;
      issues.push({
        module: m,
        node: y,
        message:
          `\`${p.export}\` yields values by hand here, besides ${p.helpers.map((h) => `\`${h}\``).join(' and ')}. ` +
          `The exercise builds it from those helpers alone, so that their laziness carries over. ` +
          `Hand the work to them: \`return ${p.helpers[0]}(...)\` or \`yield* ${p.helpers[0]}(...)\` (${ctx.hint}).`,
      });
    }
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
      const counts = (m: Module, at: ts.Node) =>
        isLive(scope, m, at) && isUnconditional(at, target.node);
      for (const [m, id] of within<ts.Identifier>(scope, SK.Identifier)) {
        if (used || !isValueReference(id) || !m.declared.has(id.text)) continue;
        const t = ctx.resolveLocal(m, id.text);
        used = t.kind === 'found' && t.node === h.node && counts(m, id);
      }
      // `ops.islice(...)`, `this.filter(...)`: helpers reached as members.
      for (const [m, access] of within<ts.PropertyAccessExpression>(
        scope,
        SK.PropertyAccessExpression,
      )) {
        if (used || access.name.text !== helper.split('.').pop()) continue;
        const t = ctx.resolveValue(m, access);
        used = t.kind === 'found' && t.node === h.node && counts(m, access);
      }
      if (!used)
        issues.push({
          module: target.module,
          node: nameOf(target.node),
          message:
            `\`${p.export}\` must be built from your \`${helper}\`, in code that always runs (not ` +
            `behind a condition), and it is not. The exercise composes its pieces: reusing \`${helper}\` is what shows the ` +
            `helpers work together lazily. Call \`${helper}(...)\` inside \`${p.export}\` (${ctx.hint}).`,
        });
    }
    return issues;
  },
});
