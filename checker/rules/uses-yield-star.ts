import { z } from 'zod';
import { isClass, isFunctionNode, SK, ts, unwrap } from '../ast.ts';
import { defineRule, missingExport, nameOf } from '../rule.ts';
import { within } from '../scope.ts';

const isLiteral = (e: ts.Expression | undefined) =>
  !!e && (ts.isArrayLiteralExpression(unwrap(e)) || ts.isStringLiteralLike(unwrap(e)));

/** The export (or a helper it calls) delegates with `yield*` at least once. */
export default defineRule({
  id: 'uses-yield-star',
  severity: 'essential',
  summary: 'the export delegates with yield*',
  params: z.strictObject({ export: z.string().min(1) }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind === 'missing')
      return [missingExport(ctx, p.export, 'a generator that uses yield*')];
    if (target.kind === 'unknown') return [];
    const node = target.node;
    if (!isFunctionNode(node) && !isClass(node) && !ts.isObjectLiteralExpression(node)) return [];
    const yields = within<ts.YieldExpression>(ctx.scope(target), SK.YieldExpression);
    // `yield* [x]` re-yields one value: it only looks like delegation.
    for (const [, y] of yields) if (y.asteriskToken && !isLiteral(y.expression)) return [];
    return [
      {
        module: target.module,
        node: nameOf(node),
        message:
          `\`${p.export}\` never delegates with \`yield*\`. This exercise is about delegation: ` +
          `\`yield* inner\` hands every next(), throw() and return() to the inner iterator and gives ` +
          `back its return value, which a hand-written loop does not. Use \`yield*\` for each ` +
          `inner iterable (${ctx.hint}).`,
      },
    ];
  },
});
