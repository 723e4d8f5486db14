/** What kind of thing an export is: shared by the generator and iterator-class rules. */
import {
  type FunctionNode,
  isGenerator,
  memberName,
  enclosingFunction,
  extendsSomething,
  hasModifier,
  isClass,
  isFunctionNode,
  propertyNameText,
  SK,
  ts,
  unwrap,
} from './ast.ts';
import { splitExportPath } from './exports.ts';
import type { Module } from './module.ts';
import { cannotVerify, missingExport, nameOf, type Issue, type RuleContext } from './rule.ts';

function kindOf(node: ts.Node): string | undefined {
  if (isClass(node)) return 'a class';
  if (ts.isObjectLiteralExpression(node)) return 'an object';
  if (ts.isArrayLiteralExpression(node)) return 'an array';
  if (ts.isCallExpression(node)) return 'a bound function (`.bind()` makes a plain function)';
  if (ts.isSourceFile(node)) return 'a module namespace';
  if (!isFunctionNode(node)) return undefined;
  const isAsync = hasModifier(node, SK.AsyncKeyword);
  if (ts.isArrowFunction(node)) return isAsync ? 'an async arrow function' : 'an arrow function';
  if (node.asteriskToken) return isAsync ? 'an async generator function' : 'a generator function';
  return isAsync ? 'an async function' : 'a plain function';
}

export function requireGenerator(ctx: RuleContext, name: string, wantAsync: boolean): Issue[] {
  const wanted = wantAsync ? 'an async generator function' : 'a generator function';
  const target = ctx.resolve(name);
  const last = splitExportPath(name).pop() ?? name;
  const isMember = splitExportPath(name).length > 1;
  const shape = isMember
    ? `${wantAsync ? 'async ' : ''}*${last}() { ... }`
    : `${wantAsync ? 'async function*' : 'function*'} ${last === 'default' ? '' : last}(...)`;
  if (target.kind === 'missing') return [missingExport(ctx, name, wanted)];
  if (target.kind === 'unknown')
    return [cannotVerify(ctx, name, target, wanted, `export ${shape.replace(' (', '(')} { ... }`)];
  const is = kindOf(target.node);
  if (!is)
    return [
      cannotVerify(
        ctx,
        name,
        {
          kind: 'unknown',
          why: `\`${target.node.getText(target.module.sf).slice(0, 40)}\``,
          module: target.module,
          node: target.node,
        },
        wanted,
        `export ${shape.replace(' (', '(')} { ... }`,
      ),
    ];
  if (is === wanted) return inNameOnly(ctx, name, target.module, target.node as FunctionNode);
  const why = wantAsync
    ? 'An async generator awaits inside and queues overlapping next() calls for you; that is what this exercise is about'
    : 'A generator runs only as far as each next() asks, one value at a time; passing tests alone do not show that';
  return [
    {
      module: target.module,
      node: nameOf(target.node),
      message:
        `\`${name}\` is ${is}, not ${wanted}. ${why}. ` +
        `Write it as \`${shape.replace(' (', '(')}\` and \`yield\` each value (README tasks, ${ctx.hint}).`,
    },
  ];
}

export const hasMember = (members: readonly { name?: ts.PropertyName }[], name: string) =>
  members.some((m) => propertyNameText(m.name) === name);

/** Does what `[Symbol.iterator]()` returns have a next()? undefined when it cannot tell. */
export function returnsNext(
  ctx: RuleContext,
  module: Module,
  method: ts.Node,
): boolean | undefined {
  if (!ts.isMethodDeclaration(method) || method.asteriskToken) return undefined;
  const verdicts = module
    .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, method)
    .filter((r) => enclosingFunction(r) === method)
    .map((r): boolean | undefined => {
      const e = r.expression && unwrap(r.expression);
      if (!e || e.kind === SK.ThisKeyword) return false; // the class itself has no next()
      if (ts.isObjectLiteralExpression(e)) {
        return e.properties.some(ts.isSpreadAssignment)
          ? undefined
          : hasMember(e.properties, 'next');
      }
      if (!ts.isNewExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
      const t = ctx.resolveLocal(module, e.expression.text);
      if (t.kind !== 'found' || !isClass(t.node) || extendsSomething(t.node)) return undefined;
      return hasMember(t.node.members, 'next');
    });
  return verdicts.some((v) => v !== false) ? undefined : false;
}

/** Does `expr` make a hand-written iterator: an object with next(), or an instance of a class? */
export function handWritten(
  ctx: RuleContext,
  module: Module,
  expr: ts.Expression,
  depth = 0,
): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e))
    return hasMember(e.properties, 'next') || hasMember(e.properties, '[Symbol.iterator]');
  if (ts.isNewExpression(e)) {
    const t = ctx.resolveValue(module, e.expression);
    return (
      t.kind === 'found' &&
      isClass(t.node) &&
      !t.node.members.some((m) => isGenerator(m)) &&
      (hasMember(t.node.members, 'next') || hasMember(t.node.members, '[Symbol.iterator]'))
    );
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const t = ctx.resolveValue(
      module,
      memberName(callee) === 'call' ? memberObjectOf(callee) : callee,
    );
    if (t.kind !== 'found' || !isFunctionNode(t.node) || isGenerator(t.node) || !t.node.body)
      return false;
    const body = t.node.body;
    if (!ts.isBlock(body)) return handWritten(ctx, t.module, body, depth + 1);
    return t.module
      .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, body)
      .some(
        (r) =>
          enclosingFunction(r) === t.node &&
          !!r.expression &&
          handWritten(ctx, t.module, r.expression, depth + 1),
      );
  }
  if (ts.isIdentifier(e)) {
    // A local `const it = makeIterator()` inside the generator.
    const fn = enclosingFunction(e);
    const decl =
      fn &&
      module
        .nodesWithin<ts.VariableDeclaration>(SK.VariableDeclaration, fn)
        .find((d) => ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer);
    return !!decl && handWritten(ctx, module, decl.initializer!, depth + 1);
  }
  return false;
}

function memberObjectOf(e: ts.Expression): ts.Expression {
  return (e as ts.PropertyAccessExpression).expression;
}

/**
 * A `function*` whose only work is `yield*` over a hand-written iterator is a generator in name
 * only: the values come from a next() written by hand.
 */
function inNameOnly(ctx: RuleContext, name: string, module: Module, fn: FunctionNode): Issue[] {
  if (!fn.body) return [];
  const yields = module
    .nodesWithin<ts.YieldExpression>(SK.YieldExpression, fn.body)
    .filter((y) => enclosingFunction(y) === fn);
  if (!yields.length || yields.some((y) => !y.asteriskToken || !y.expression)) return [];
  if (!yields.every((y) => handWritten(ctx, module, y.expression!))) return [];
  return [
    {
      module,
      node: yields[0]!,
      message:
        `\`${name}\` is a generator in name only: its only work is \`yield*\` over an iterator ` +
        `written by hand, so the values come from a next() you wrote, not from a paused generator ` +
        `body, which is what this exercise is about. Move the loop into \`${name}\` and \`yield\` ` +
        `each value from there (${ctx.hint}).`,
    },
  ];
}
