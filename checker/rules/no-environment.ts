import { z } from 'zod';
import { globalName, memberName, memberObject, SK, ts } from '../ast.ts';
import type { Module } from '../module.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/** What the test runner puts in scope, and what tells one runtime or run from another. */
const RUNNER_GLOBALS = new Set(
  'vi vitest expect describe it test suite bench beforeEach afterEach beforeAll afterAll onTestFailed onTestFinished assert chai jest jasmine navigator performance location document Deno Bun gc require module __dirname __filename'.split(
    ' ',
  ),
);
const RUNNER_PREFIX = /^__(vitest|VITEST|vite|jest|tinypool)/;

/**
 * Base rule: code that can tell whether it runs under the tests (import.meta, the runner's
 * globals, the call stack, the runtime) can behave one way there and another way elsewhere.
 */
export default defineRule({
  id: 'no-environment',
  severity: 'essential',
  summary: 'no import.meta, test-runner globals, stack traces or runtime probes',
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    const flag = (module: Module, node: ts.Node, what: string) =>
      issues.push({
        module,
        node,
        message:
          `${what} lets code tell whether it runs under the tests, or in which runtime. A ` +
          `solution must behave the same everywhere: the tests judge what your code does, not ` +
          `where it runs. Remove it; the katas need nothing from the environment (${ctx.hint}).`,
      });
    for (const [m, meta] of everywhere<ts.MetaProperty>(ctx.modules, SK.MetaProperty)) {
      if (meta.keywordToken === SK.ImportKeyword) flag(m, meta, '`import.meta`');
    }
    for (const kind of [SK.Identifier, SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
      for (const [m, node] of everywhere(ctx.modules, kind)) {
        const name = globalName(node, m.declared);
        if (name && (RUNNER_GLOBALS.has(name) || RUNNER_PREFIX.test(name))) {
          flag(m, node, `\`${name}\``);
          continue;
        }
        if (ts.isIdentifier(node)) continue;
        const member = memberName(node);
        const object = memberObject(node);
        const isError = !!object && globalName(object, m.declared) === 'Error';
        if (
          (member === 'stack' && (errorLike(object, m) || !ownsStack(m))) ||
          (isError && /^(captureStackTrace|prepareStackTrace|stackTraceLimit)$/.test(member ?? ''))
        )
          flag(m, node, `Reading the call stack (\`.${member}\`)`);
      }
    }
    return issues;
  },
});

/**
 * An expression that holds an error: `new Error()`, `Error()`, a `catch` variable, or a variable
 * set from one of these. Its `.stack` is a stack trace.
 */
function errorLike(expr: ts.Expression | undefined, m: Module): boolean {
  if (!expr) return true;
  const e = ts.isParenthesizedExpression(expr) ? expr.expression : expr;
  if (ts.isNewExpression(e) || ts.isCallExpression(e))
    return ts.isIdentifier(e.expression) && /Error$/.test(e.expression.text);
  if (!ts.isIdentifier(e)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isCatchClause(node) &&
      node.variableDeclaration &&
      ts.isIdentifier(node.variableDeclaration.name) &&
      node.variableDeclaration.name.text === e.text
    )
      found = true;
    else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === e.text &&
      node.initializer &&
      errorLike(node.initializer, m)
    )
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(m.sf);
  return found;
}

/**
 * Whether the learner's code declares or assigns a `stack` property of its own (a class field, an
 * object key, `task.stack = []`): then `.stack` may be its own data, such as a trampoline's call
 * stack, and only reads from an error are stack traces.
 */
function ownsStack(m: Module): boolean {
  let found = false;
  const named = (n: ts.Node | undefined) =>
    !!n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) && n.text === 'stack';
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      (ts.isPropertyDeclaration(node) ||
        ts.isPropertySignature(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isShorthandPropertyAssignment(node)) &&
      named(node.name)
    )
      found = true;
    else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === SK.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.name.text === 'stack'
    )
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(m.sf);
  return found;
}
