import { z } from 'zod';
import { isClass, isFunctionNode, SK, ts, unwrap } from '../ast.ts';
import { isLive } from '../live.ts';
import { defineRule, missingExport, nameOf, unresolved } from '../rule.ts';
import { within } from '../scope.ts';

const isLiteral = (e: ts.Expression | undefined) =>
  !!e && (ts.isArrayLiteralExpression(unwrap(e)) || ts.isStringLiteralLike(unwrap(e)));

/** The export (or a helper it uses) delegates with a `yield*` that can run. */
export default defineRule({
  id: 'uses-yield-star',
  severity: 'essential',
  summary: 'the export delegates with yield*, in code that runs',
  params: z.strictObject({ export: z.string().min(1) }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind === 'missing')
      return [missingExport(ctx, p.export, 'a generator that uses yield*')];
    if (target.kind !== 'found')
      return unresolved(ctx, p.export, target, 'a generator that uses yield*');
    const node = target.node;
    if (!isFunctionNode(node) && !isClass(node) && !ts.isObjectLiteralExpression(node)) return [];
    const scope = ctx.scope(target);
    // `yield* [x]` re-yields one value: it only looks like delegation.
    for (const [m, y] of within<ts.YieldExpression>(scope, SK.YieldExpression)) {
      if (y.asteriskToken && !isLiteral(y.expression) && isLive(scope, m, y)) return [];
    }
    return [
      {
        module: target.module,
        node: nameOf(node),
        message:
          `\`${p.export}\` never delegates with a \`yield*\` that runs. This exercise is about ` +
          `delegation: \`yield* inner\` hands every next(), throw() and return() to the inner ` +
          `iterator and gives back its return value, which a hand-written loop does not. Use ` +
          `\`yield*\` for each inner iterable, in code that runs (${ctx.hint}).`,
      },
    ];
  },
});
