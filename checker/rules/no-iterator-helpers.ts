import { z } from 'zod';
import {
  calledBy,
  globalName,
  memberName,
  memberObject,
  propertyNameText,
  SK,
  ts,
} from '../ast.ts';
import type { Module } from '../module.ts';
import { isIterator, ITERATOR_ONLY, SHARED } from '../iterators.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/** No native Iterator helpers: the exercise is writing take, map, filter, ... yourself. */
export default defineRule({
  id: 'no-iterator-helpers',
  severity: 'essential',
  summary: 'no native Iterator helpers (Iterator.from, .take(), .toArray(), ...)',
  params: z.strictObject({}),
  check(ctx) {
    const own = new Set<string>();
    for (const kind of [SK.MethodDeclaration, SK.PropertyDeclaration, SK.PropertyAssignment]) {
      for (const [, d] of everywhere<ts.MethodDeclaration>(ctx.modules, kind))
        own.add(propertyNameText(d.name) ?? '');
    }
    const issues: Issue[] = [];
    const flag = (module: Module, node: ts.Node, what: string) =>
      issues.push({
        module,
        node,
        message:
          `${what} is a native Iterator helper. This exercise is about writing those helpers ` +
          `yourself as generators, so you see how they pull values one at a time and close their ` +
          `source early. Use your own functions instead, like \`take(source, n)\` (${ctx.hint}).`,
      });
    for (const [m, id] of everywhere<ts.Identifier>(ctx.modules, SK.Identifier)) {
      if (id.text === 'Iterator' && globalName(id, m.declared)) flag(m, id, '`Iterator`');
    }
    for (const kind of [SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
      for (const [m, access] of everywhere<ts.Node>(ctx.modules, kind)) {
        const name = memberName(access) ?? '';
        if (name === 'Iterator' && globalName(access, m.declared)) flag(m, access, '`Iterator`');
        if (!calledBy(access)) continue;
        if (ITERATOR_ONLY.has(name) && !own.has(name)) flag(m, access, `\`.${name}()\``);
        else if (SHARED.has(name) && isIterator(ctx, m, memberObject(access)))
          flag(m, access, `\`.${name}()\` on an iterator`);
      }
    }
    return issues;
  },
});
