/**
 * Is a node's code ever run? Syntax can prove some code dead: after a `return`, `throw`, `break`
 * or `continue` in the same block, behind a condition that is a constant (`if (false)`,
 * `while (0)`, `false && x`), or in a function nobody calls. Role rules (uses-yield-star,
 * delegates-to, built-from) count only live code, so a `yield*` kept for show does not count.
 */
import { enclosingFunction, SK, ts, unwrap } from './ast.ts';
import type { Module } from './module.ts';
import type { Scope } from './scope.ts';

/** true / false for a condition fixed in the source, undefined when it depends on values. */
export function constantTruth(expr: ts.Expression): boolean | undefined {
  const e = unwrap(expr);
  switch (e.kind) {
    case SK.TrueKeyword:
      return true;
    case SK.FalseKeyword:
    case SK.NullKeyword:
      return false;
  }
  if (ts.isIdentifier(e) && e.text === 'undefined') return false;
  if (ts.isNumericLiteral(e)) return Number(e.text) !== 0;
  if (ts.isStringLiteralLike(e)) return e.text !== '';
  if (ts.isVoidExpression(e)) return false;
  if (ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e)) return true;
  if (ts.isPrefixUnaryExpression(e) && e.operator === SK.ExclamationToken) {
    const inner = constantTruth(e.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isBinaryExpression(e)) {
    const l = constantTruth(e.left);
    const r = constantTruth(e.right);
    if (e.operatorToken.kind === SK.AmpersandAmpersandToken)
      return l === false || r === false ? false : l && r ? true : undefined;
    if (e.operatorToken.kind === SK.BarBarToken)
      return l === true || r === true ? true : l === false && r === false ? false : undefined;
    const lit = (x: ts.Expression) => {
      const u = unwrap(x);
      return ts.isNumericLiteral(u)
        ? Number(u.text)
        : ts.isStringLiteralLike(u)
          ? u.text
          : undefined;
    };
    const a = lit(e.left);
    const b = lit(e.right);
    if (a === undefined || b === undefined) return undefined;
    if (e.operatorToken.kind === SK.EqualsEqualsEqualsToken) return a === b;
    if (e.operatorToken.kind === SK.ExclamationEqualsEqualsToken) return a !== b;
  }
  return undefined;
}

const ENDS = new Set([
  SK.ReturnStatement,
  SK.ThrowStatement,
  SK.BreakStatement,
  SK.ContinueStatement,
]);

/** Dead for a reason syntax shows, between `node` and `root`. */
function deadWithin(node: ts.Node, root: ts.Node): boolean {
  for (let n: ts.Node = node; n && n !== root; n = n.parent) {
    const p = n.parent;
    if (!p) break;
    if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      const i = p.statements.indexOf(n as ts.Statement);
      if (p.statements.slice(0, i).some((s) => ENDS.has(s.kind))) return true;
    }
    if (ts.isIfStatement(p) && n !== p.expression) {
      const truth = constantTruth(p.expression);
      if (truth === (n === p.elseStatement)) return true;
    }
    if ((ts.isWhileStatement(p) || ts.isForStatement(p)) && n === p.statement) {
      const cond = ts.isWhileStatement(p) ? p.expression : p.condition;
      if (cond && constantTruth(cond) === false) return true;
    }
    if (ts.isConditionalExpression(p) && n !== p.condition) {
      const truth = constantTruth(p.condition);
      if (truth === (n === p.whenFalse)) return true;
    }
    if (ts.isBinaryExpression(p) && n === p.right) {
      const l = constantTruth(p.left);
      if (p.operatorToken.kind === SK.AmpersandAmpersandToken && l === false) return true;
      if (p.operatorToken.kind === SK.BarBarToken && l === true) return true;
    }
  }
  return false;
}

/**
 * Live: not dead within its function, and that function is one of the scope's parts (the export
 * or a helper it uses), a method of one, or a function called right where it is written.
 */
export function isLive(scope: Scope, module: Module, node: ts.Node): boolean {
  const part = scope.find(
    (p) => p.module === module && p.node.pos <= node.pos && node.end <= p.node.end,
  );
  if (!part) return false;
  let fn = enclosingFunction(node);
  while (fn && fn !== part.node) {
    const runs =
      (fn.parent && ts.isCallExpression(fn.parent) && fn.parent.expression === fn) ||
      (ts.isParenthesizedExpression(fn.parent) &&
        ts.isCallExpression(fn.parent.parent) &&
        fn.parent.parent.expression === fn.parent) ||
      ts.isMethodDeclaration(fn) ||
      (ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression));
    if (!runs) return false;
    fn = enclosingFunction(fn);
  }
  return !deadWithin(node, part.node);
}

/**
 * Runs whenever `root` runs to that point: no `if`, `? :`, `&&`, `||`, `??`, `switch` or `catch`
 * between them. A role kept behind a condition the tests never meet is not the role.
 */
export function isUnconditional(node: ts.Node, root: ts.Node): boolean {
  for (let n: ts.Node = node; n && n !== root; n = n.parent) {
    const p = n.parent;
    if (!p) return false;
    if (ts.isIfStatement(p) && n !== p.expression) return false;
    if (ts.isConditionalExpression(p) && n !== p.condition) return false;
    if (ts.isBinaryExpression(p) && n === p.right) {
      const op = p.operatorToken.kind;
      if (
        op === SK.AmpersandAmpersandToken ||
        op === SK.BarBarToken ||
        op === SK.QuestionQuestionToken
      )
        return false;
    }
    if (ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isCatchClause(p)) return false;
  }
  return true;
}
