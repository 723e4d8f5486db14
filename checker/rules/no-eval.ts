import { z } from 'zod';
import {
  calledBy,
  globalName,
  isGlobalObject,
  memberName,
  memberObject,
  SK,
  ts,
  unwrap,
} from '../ast.ts';
import type { Module } from '../module.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/** Is `Function` used to make code (called, `new`-ed, passed on), not just tested against? */
function makesCode(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === SK.InstanceOfKeyword) return false;
  return !(
    (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) &&
    p.expression === node
  );
}

/** Globals that run code given as text, or outside the checked files. */
const CODE_MAKERS = new Set(['eval', 'WebAssembly', 'Worker', 'ShadowRealm', 'importScripts']);

/** `x.constructor` used for something other than its name or a comparison. */
function reachesConstructor(node: ts.Node): boolean {
  if (memberName(node) !== 'constructor') return false;
  const object = memberObject(node);
  if (object?.kind === SK.ThisKeyword) return false; // the learner's own class
  let n = node;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n)
    return memberName(p) !== 'name';
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    return !(
      op === SK.EqualsEqualsEqualsToken ||
      op === SK.ExclamationEqualsEqualsToken ||
      op === SK.EqualsEqualsToken ||
      op === SK.ExclamationEqualsToken ||
      (op === SK.InstanceOfKeyword && p.right === n)
    );
  }
  return !ts.isTypeOfExpression(p);
}

/**
 * `globalThis` used as a whole: indexed by a computed name, passed on, aliased. Then any global,
 * eval included, may be behind it.
 */
function wholeGlobal(node: ts.Node, m: Module): boolean {
  if (!ts.isIdentifier(node) || !isGlobalObject(node, m.declared)) return false;
  let n: ts.Node = node;
  while (
    n.parent &&
    (ts.isParenthesizedExpression(n.parent) ||
      ts.isAsExpression(n.parent) ||
      ts.isNonNullExpression(n.parent))
  )
    n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === n) return false;
  if (ts.isElementAccessExpression(p) && p.expression === n) return memberName(p) === undefined;
  return !ts.isTypeOfExpression(p);
}

/** Base rule: no eval, no `Function(...)`, no timer given a string of code. */
export default defineRule({
  id: 'no-eval',
  severity: 'essential',
  summary: 'no eval, new Function or Function(...)',
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    for (const kind of [SK.Identifier, SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
      for (const [module, node] of everywhere(ctx.modules, kind)) {
        const name = globalName(node, module.declared);
        const call = calledBy(node);
        const codeArg = call?.arguments?.[0];
        const timerWithCode =
          (name === 'setTimeout' || name === 'setInterval') &&
          !!codeArg &&
          ts.isStringLiteralLike(codeArg);
        if (reachesConstructor(node)) {
          issues.push({
            module,
            node,
            message:
              `\`.constructor\` is used here to reach a constructor: on a function or a generator ` +
              `it is \`Function\` or \`GeneratorFunction\`, which turn a string into code the ` +
              `checker cannot see. Call your own functions and classes by name instead (${ctx.hint}).`,
          });
          continue;
        }
        if (wholeGlobal(node, module)) {
          issues.push({
            module,
            node,
            message:
              `\`${(node as ts.Identifier).text}\` is used as a whole here (indexed by a computed ` +
              `name, passed on or aliased), so any global, \`eval\` included, may be behind it and ` +
              `the checker cannot tell which. Name the global you need directly, like ` +
              `\`Math.max\` (${ctx.hint}).`,
          });
          continue;
        }
        if (
          !(name && CODE_MAKERS.has(name)) &&
          !(name === 'Function' && makesCode(node)) &&
          !timerWithCode
        )
          continue;
        issues.push({
          module,
          node,
          message:
            `\`${name}\` turns a string into code here. The checker cannot see code hidden in a ` +
            `string, so it cannot tell whether you used generators, and the exercise is to write ` +
            `that code plainly. Write the code itself instead of building it as text (${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
