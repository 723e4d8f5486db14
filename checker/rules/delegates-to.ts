import { z } from 'zod';
import { enclosingFunction, memberName, memberObject, SK, ts, unwrap } from '../ast.ts';
import type { Module } from '../module.ts';
import { isLive, isUnconditional } from '../live.ts';
import { cannotVerify, defineRule, nameOf, unresolved, type RuleContext } from '../rule.ts';
import { within } from '../scope.ts';

/**
 * The functions a `yield*` operand calls: `step(log)`, `step.call(null)`, `wrap(step())`,
 * `const s = step(); yield* s`.
 */
function calledFunction(ctx: RuleContext, m: Module, expr: ts.Expression, depth = 0): ts.Node[] {
  const e = unwrap(expr);
  if (depth > 4) return [];
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    return [e, ...m.nodesWithin<ts.CallExpression>(SK.CallExpression, e)].flatMap((c) => {
      if (!ts.isCallExpression(c)) return [];
      const callee = unwrap(c.expression);
      const name = memberName(callee);
      const fn = name === 'call' || name === 'apply' ? memberObject(callee)! : callee;
      const t = ctx.resolveValue(m, fn);
      return t.kind === 'found' ? [t.node] : [];
    });
  }
  if (ts.isIdentifier(e)) {
    const fn = enclosingFunction(e);
    const decl =
      fn &&
      m
        .nodesWithin<ts.VariableDeclaration>(SK.VariableDeclaration, fn)
        .find((d) => ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer);
    return decl ? calledFunction(ctx, m, decl.initializer!, depth + 1) : [];
  }
  return [];
}

/**
 * A role: the export delegates to another export of the exercise with a live `yield*`, as the
 * post's `coro` awaits `step` (`{ "rule": "delegates-to", "export": "coro", "to": "step" }`).
 */
export default defineRule({
  id: 'delegates-to',
  severity: 'essential',
  summary: 'the export delegates to another export with a yield* that runs',
  params: z.strictObject({ export: z.string().min(1), to: z.string().min(1) }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind !== 'found')
      return unresolved(ctx, p.export, target, `a generator that delegates to \`${p.to}\``);
    const inner = ctx.resolve(p.to);
    if (inner.kind === 'unknown')
      return [
        cannotVerify(ctx, p.to, inner, 'a generator function', `export function* ${p.to}(...)`),
      ];
    if (inner.kind === 'missing') return []; // the shape rule on `to` reports it
    const scope = ctx.scope(target);
    for (const [m, y] of within<ts.YieldExpression>(scope, SK.YieldExpression)) {
      if (!y.asteriskToken || !y.expression || !isLive(scope, m, y)) continue;
      if (!isUnconditional(y, target.node)) continue;
      if (calledFunction(ctx, m, y.expression).includes(inner.node)) return [];
    }
    return [
      {
        module: target.module,
        node: nameOf(target.node),
        message:
          `\`${p.export}\` must delegate to \`${p.to}\` with \`yield* ${p.to}(...)\`, in code that ` +
          `always runs (not behind a condition), and it does not. The exercise builds \`${p.export}\` from \`${p.to}\`: each value, ` +
          `each next(v), throw() and return() and the final result pass through \`${p.to}\`. ` +
          `Write \`yield* ${p.to}(...)\` where the work is done (${ctx.hint}).`,
      },
    ];
  },
});
