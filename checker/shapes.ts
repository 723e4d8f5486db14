/** What kind of thing an export is: shared by the generator and iterator-class rules. */
import {
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
import { missingExport, nameOf, type Issue, type RuleContext } from './rule.ts';

function kindOf(node: ts.Node): string | undefined {
  if (isClass(node)) return 'a class';
  if (ts.isObjectLiteralExpression(node)) return 'an object';
  if (!isFunctionNode(node)) return undefined;
  const isAsync = hasModifier(node, SK.AsyncKeyword);
  if (ts.isArrowFunction(node)) return isAsync ? 'an async arrow function' : 'an arrow function';
  if (node.asteriskToken) return isAsync ? 'an async generator function' : 'a generator function';
  return isAsync ? 'an async function' : 'a plain function';
}

export function requireGenerator(ctx: RuleContext, name: string, wantAsync: boolean): Issue[] {
  const wanted = wantAsync ? 'an async generator function' : 'a generator function';
  const target = ctx.resolve(name);
  if (target.kind === 'missing') return [missingExport(ctx, name, wanted)];
  if (target.kind === 'unknown') return [];
  const is = kindOf(target.node);
  if (!is || is === wanted) return [];
  const last = splitExportPath(name).pop() ?? name;
  const isMember = splitExportPath(name).length > 1;
  const shape = isMember
    ? `${wantAsync ? 'async ' : ''}*${last}() { ... }`
    : `${wantAsync ? 'async function*' : 'function*'} ${last === 'default' ? '' : last}(...)`;
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
