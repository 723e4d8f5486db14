import { z } from 'zod';
import { hasModifier, isClass, isFunctionNode, isGenerator, SK, ts, unwrap } from '../ast.ts';
import type { Module } from '../module.ts';
import { isLive } from '../live.ts';
import { isWrapper } from '../producers.ts';
import { defineRule, missingExport, nameOf, unresolved, type RuleContext } from '../rule.ts';
import { within } from '../scope.ts';

const isLiteral = (e: ts.Expression | undefined) =>
  !!e && (ts.isArrayLiteralExpression(unwrap(e)) || ts.isStringLiteralLike(unwrap(e)));

/**
 * `yield* forward(it)` where `forward` is a private generator that steps `it` with next() by
 * hand: the delegation is written out, not done by `yield*`.
 */
function forwardsByHand(ctx: RuleContext, m: Module, operand: ts.Expression): boolean {
  const e = unwrap(operand);
  if (!ts.isCallExpression(e)) return false;
  const t = ctx.resolveValue(m, e.expression);
  if (t.kind !== 'found' || !isGenerator(t.node) || isExported(t.module, t.node)) return false;
  return stepsByHand(t.module, t.node);
}

/** Calls next(), throw() or return() on something: delegation written out. */
function stepsByHand(m: Module, fn: ts.Node): boolean {
  return m.nodesWithin<ts.PropertyAccessExpression>(SK.PropertyAccessExpression, fn).some((a) => {
    if (!['next', 'throw', 'return'].includes(a.name.text)) return false;
    let n: ts.Node = a;
    while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent)) n = n.parent;
    return ts.isCallExpression(n.parent) && n.parent.expression === n;
  });
}

function isExported(m: Module, node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) && hasModifier(node, SK.ExportKeyword);
}

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
    // A bound function or a proxy is judged through what it wraps: the scope reaches it.
    if (
      !isFunctionNode(node) &&
      !isClass(node) &&
      !ts.isObjectLiteralExpression(node) &&
      !isWrapper(node)
    )
      return [];
    const scope = ctx.scope(target);
    // `yield* [x]` re-yields one value: it only looks like delegation.
    const byHand = scope.filter(
      (part) => part.node !== node && isGenerator(part.node) && stepsByHand(part.module, part.node),
    );
    for (const [m, y] of within<ts.YieldExpression>(scope, SK.YieldExpression)) {
      if (!y.asteriskToken || isLiteral(y.expression) || !isLive(scope, m, y)) continue;
      if (byHand.some((h) => h.module === m && h.node.pos <= y.pos && y.end <= h.node.end))
        continue;
      if (!forwardsByHand(ctx, m, y.expression!)) return [];
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
