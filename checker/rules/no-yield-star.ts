import { z } from 'zod';
import { SK, ts } from '../ast.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere, within } from '../scope.ts';

/** No `yield*` in the export (and its helpers), or with no export named, in the whole file. */
export default defineRule({
  id: 'no-yield-star',
  severity: 'essential',
  summary: 'no yield* (delegation written by hand)',
  params: z.strictObject({ export: z.string().min(1).optional() }),
  check(ctx, p) {
    let yields = everywhere<ts.YieldExpression>(ctx.modules, SK.YieldExpression);
    if (p.export) {
      const target = ctx.resolve(p.export);
      if (target.kind !== 'found') return [];
      yields = within(ctx.scope(target), SK.YieldExpression);
    }
    const issues: Issue[] = [];
    for (const [module, y] of yields) {
      if (!y.asteriskToken) continue;
      issues.push({
        module,
        node: y,
        message:
          `\`yield*\` does the delegation this exercise asks you to write by hand. Writing it ` +
          `yourself is how you learn what it forwards: each next(v), throw(e) and return(v), and ` +
          `the inner return value. Replace it with a hand-written object whose next, throw and ` +
          `return forward to the inner iterator, as the README describes (${ctx.hint}).`,
      });
    }
    return issues;
  },
});
