import { z } from 'zod';
import {
  enclosingFunction,
  isFunctionNode,
  memberName,
  memberObject,
  SK,
  ts,
  unwrap,
} from '../ast.ts';
import type { Found } from '../exports.ts';
import type { Module } from '../module.ts';
import { isWrapper, madeByCalling, valueIn, type Env } from '../producers.ts';
import { isLive, isUnconditional } from '../live.ts';
import { cannotVerify, defineRule, nameOf, unresolved, type RuleContext } from '../rule.ts';
import { within } from '../scope.ts';

/**
 * The functions a `yield*` operand calls: `step(log)`, `step.call(null)`, `wrap(step())`,
 * `const s = step(); yield* s`, and behind a wrapper, a parameter bound to such a call (`yield*
 * inner` in a helper the export calls as `helper(step())`) or to a function returning one.
 */
function calledFunction(
  ctx: RuleContext,
  m: Module,
  expr: ts.Expression,
  env: Env,
  depth = 0,
): ts.Node[] {
  const e = unwrap(expr);
  if (depth > 4) return [];
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    return [e, ...m.nodesWithin<ts.CallExpression>(SK.CallExpression, e)].flatMap((c) => {
      if (!ts.isCallExpression(c)) return [];
      const callee = unwrap(c.expression);
      const name = memberName(callee);
      const fn = name === 'call' || name === 'apply' ? memberObject(callee)! : callee;
      const bound = ts.isIdentifier(fn) ? env.get(fn.text) : undefined;
      if (bound) {
        // A function handed in by the caller: what its returns call.
        const t = valueIn(ctx, bound.module, bound.expr, bound.env);
        if (t.kind !== 'found' || !isFunctionNode(t.node) || !t.node.body) return [];
        const body = t.node.body;
        const results = ts.isBlock(body)
          ? t.module
              .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, body)
              .filter((r) => enclosingFunction(r) === t.node && r.expression)
              .map((r) => r.expression!)
          : [body];
        return results.flatMap((r) => calledFunction(ctx, t.module, r, new Map(), depth + 1));
      }
      const t = ctx.resolveValue(m, fn);
      return t.kind === 'found' ? [t.node] : [];
    });
  }
  if (ts.isIdentifier(e)) {
    const bound = env.get(e.text);
    if (bound) return calledFunction(ctx, bound.module, bound.expr, bound.env, depth + 1);
    const fn = enclosingFunction(e);
    const decl =
      fn &&
      m
        .nodesWithin<ts.VariableDeclaration>(SK.VariableDeclaration, fn)
        .find((d) => ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer);
    return decl ? calledFunction(ctx, m, decl.initializer!, env, depth + 1) : [];
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
    // `yield* to(...)`, or a call of the function* that `to` wraps.
    const innerNodes = [inner.node];
    if (isWrapper(inner.node))
      for (const m of madeByCalling(ctx, inner.module, inner.node))
        if (m.kind === 'generator') innerNodes.push(m.node);
    // A wrapper around the generator (an arrow, `.bind`, a Proxy): judge the function* behind it.
    let roots: (Found & { env: Env })[] = [{ ...target, env: new Map() }];
    if (isWrapper(target.node)) {
      const made = madeByCalling(ctx, target.module, target.node);
      const lost = made.find((m) => m.kind === 'unknown');
      if (lost)
        return [
          cannotVerify(
            ctx,
            p.export,
            lost,
            `a generator that delegates to \`${p.to}\``,
            `export function* ${p.export}(...)`,
          ),
        ];
      roots = made.flatMap((m) =>
        m.kind === 'generator'
          ? [{ kind: 'found' as const, module: m.module, node: m.node, env: m.env }]
          : [],
      );
      if (!roots.length) return []; // generator-function reports what the wrapper gives instead
    }
    const delegates = (root: Found & { env: Env }) => {
      const scope = ctx.scope(root);
      for (const [m, y] of within<ts.YieldExpression>(scope, SK.YieldExpression)) {
        if (!y.asteriskToken || !y.expression || !isLive(scope, m, y)) continue;
        if (!isUnconditional(y, root.node)) continue;
        // The root's own parameters are bound by the wrapper's call; a helper's are not.
        const env =
          m === root.module && root.node.pos <= y.pos && y.end <= root.node.end
            ? root.env
            : new Map();
        if (calledFunction(ctx, m, y.expression, env).some((f) => innerNodes.includes(f)))
          return true;
      }
      return false;
    };
    if (roots.every(delegates)) return [];
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
