import { z } from 'zod';
import {
  extendsSomething,
  isClass,
  memberName,
  memberObject,
  propertyNameText,
  SK,
  ts,
  unwrap,
} from '../ast.ts';
import type { Module } from '../module.ts';
import { cannotVerify, defineRule, missingExport, nameOf } from '../rule.ts';
import { hasMember, returnsNext } from '../shapes.ts';

/** `F.prototype.next = ...`, `F.prototype[Symbol.iterator] = ...`: the members given to F. */
function prototypeMembers(module: Module, name: string): Set<string> {
  const found = new Set<string>();
  for (const b of module.nodes<ts.BinaryExpression>(SK.BinaryExpression)) {
    if (b.operatorToken.kind !== SK.EqualsToken) continue;
    const left = unwrap(b.left);
    const proto = memberObject(left);
    const owner = proto && memberObject(proto);
    if (
      owner &&
      ts.isIdentifier(owner) &&
      owner.text === name &&
      memberName(proto) === 'prototype'
    ) {
      const m = memberName(left);
      if (m) found.add(m);
    }
  }
  return found;
}

/** A class with `[Symbol.iterator]()` (or `[Symbol.asyncIterator]()`) and a next() method. */
export default defineRule({
  id: 'iterator-class',
  severity: 'essential',
  summary: 'a class with [Symbol.iterator] (or [Symbol.asyncIterator]) and next',
  params: z.strictObject({ export: z.string().min(1), async: z.boolean().optional() }),
  check(ctx, p) {
    const key = p.async ? '[Symbol.asyncIterator]' : '[Symbol.iterator]';
    const target = ctx.resolve(p.export);
    if (target.kind === 'missing') return [missingExport(ctx, p.export, `a class with ${key}()`)];
    if (target.kind === 'unknown')
      return [
        cannotVerify(
          ctx,
          p.export,
          target,
          `a class with ${key}()`,
          `export class ${p.export} { ... }`,
        ),
      ];
    const { node, module } = target;
    const issue = (at: ts.Node, what: string) => [
      {
        module,
        node: at,
        message:
          `${what}. This exercise asks for the ${p.async ? 'async ' : ''}iteration protocol written ` +
          `as a class: \`${key}()\` returns an object whose next() gives { value, done }` +
          `${p.async ? ' in a Promise' : ''}, and for-of${p.async ? ' await' : ''} calls them. ` +
          `Add the missing piece (README tasks, ${ctx.hint}).`,
      },
    ];
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && !node.asteriskToken) {
      // A constructor function with prototype methods is a class written the ES5 way.
      const name = nameOf(node);
      let decl: ts.Node = node;
      while (decl.parent && !ts.isVariableDeclaration(decl) && !ts.isSourceFile(decl.parent))
        decl = decl.parent;
      const names = [name, ts.isVariableDeclaration(decl) ? decl.name : undefined];
      const members = new Set(
        names.flatMap((n) =>
          n && ts.isIdentifier(n) ? [...prototypeMembers(module, n.text)] : [],
        ),
      );
      if (members.has(key) && members.has('next')) return [];
      if (members.size)
        return issue(
          name,
          `\`${p.export}\` has no \`${members.has(key) ? 'next' : key}()\` method`,
        );
    }
    if (!isClass(node)) {
      const isCode = ts.isObjectLiteralExpression(node) || ts.isFunctionLike(node);
      return isCode ? issue(nameOf(node), `\`${p.export}\` is not a class`) : [];
    }
    const inherits = extendsSomething(node);
    const method = node.members.find((m) => propertyNameText(m.name) === key);
    if (!method)
      return inherits ? [] : issue(nameOf(node), `\`${p.export}\` has no \`${key}()\` method`);
    if (inherits || hasMember(node.members, 'next')) return [];
    if (returnsNext(ctx, module, method) !== false) return [];
    return issue(method, `\`${key}()\` returns something without a next() method`);
  },
});
