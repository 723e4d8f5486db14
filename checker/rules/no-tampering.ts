import { z } from 'zod';
import { globalName, memberName, memberObject, propertyNameText, SK, ts, unwrap } from '../ast.ts';
import type { Module } from '../module.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/** Property names the test framework trusts: an object with one can pass any comparison. */
const TRUSTED_KEYS = new Set([
  'asymmetricMatch',
  '$$typeof',
  'jasmineToString',
  '[Symbol.hasInstance]',
]);
// `[Symbol.toStringTag]` is not here: a class that implements Generator must declare it.
const PROTOTYPE_SETTERS = new Set(['setPrototypeOf', 'create']);

/**
 * Base rule: nothing that fools the tests instead of passing them: objects that claim to match
 * anything (`asymmetricMatch`), registry symbols (`Symbol.for`, how expect keeps its state), and
 * objects dressed up with a borrowed prototype (`Object.setPrototypeOf`, `Object.create(p)`,
 * `__proto__`), which is how a fake iterator passes for a generator object.
 */
export default defineRule({
  id: 'no-tampering',
  severity: 'essential',
  summary: 'no asymmetricMatch, Symbol.for, borrowed prototypes or faked type tags',
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    const flag = (module: Module, node: ts.Node, what: string, why: string) =>
      issues.push({
        module,
        node,
        message: `${what} ${why} A solution passes the tests by doing the work, not by changing how they look at it. Remove it (${ctx.hint}).`,
      });
    const named = [
      SK.PropertyAssignment,
      SK.MethodDeclaration,
      SK.PropertyDeclaration,
      SK.GetAccessor,
      SK.ShorthandPropertyAssignment,
    ];
    for (const kind of named) {
      for (const [m, d] of everywhere<ts.PropertyAssignment>(ctx.modules, kind)) {
        const key = propertyNameText(d.name);
        if (key && TRUSTED_KEYS.has(key))
          flag(
            m,
            d.name,
            `\`${key}\``,
            'is a key the test framework trusts: with it, an object claims to match or to be something it is not.',
          );
        if (key === '__proto__' && ts.isPropertyAssignment(d))
          flag(
            m,
            d.name,
            '`__proto__`',
            'gives this object a borrowed prototype, so it passes for something it is not (a generator object, say).',
          );
      }
    }
    for (const kind of [SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
      for (const [m, access] of everywhere<ts.Node>(ctx.modules, kind)) {
        const name = memberName(access) ?? '';
        const owner = globalName(memberObject(access)!, m.declared);
        if (TRUSTED_KEYS.has(name) || name === '__proto__') {
          flag(
            m,
            access,
            `\`${name}\``,
            'is a key the test framework trusts, or a prototype swapped by hand.',
          );
        } else if (owner === 'Symbol' && (name === 'for' || name === 'keyFor')) {
          flag(
            m,
            access,
            '`Symbol.for`',
            'reaches the global symbol registry, where the test framework keeps its own state.',
          );
        } else if ((owner === 'Object' || owner === 'Reflect') && PROTOTYPE_SETTERS.has(name)) {
          const call = access.parent;
          const arg = ts.isCallExpression(call) && call.arguments[name === 'create' ? 0 : 1];
          const u = arg && unwrap(arg);
          const harmless = !!u && (u.kind === SK.NullKeyword || ts.isObjectLiteralExpression(u));
          if (!harmless)
            flag(
              m,
              access,
              `\`${owner}.${name}\``,
              'gives an object a borrowed prototype, so it passes for something it is not (a generator object, say).',
            );
        } else if (owner === 'Object' && name === 'getOwnPropertySymbols') {
          flag(
            m,
            access,
            '`Object.getOwnPropertySymbols`',
            "lists hidden keys, such as the test framework's own.",
          );
        }
      }
    }
    return issues;
  },
});
