import { z } from 'zod';
import { globalName, SK, ts } from '../ast.ts';
import type { Module } from '../module.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

const TIMERS = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
]);
const Forbid = z.enum(['async', 'await', 'promise', 'timers']);

/** None of `async`, `await`, `Promise`, timers (as chosen) anywhere in the file or its siblings. */
export default defineRule({
  id: 'forbid-async',
  severity: 'essential',
  summary: 'none of async / await / Promise / timers, as listed in `forbid`',
  params: z.strictObject({ forbid: z.array(Forbid).min(1) }),
  check(ctx, p) {
    const forbid = new Set(p.forbid);
    const issues: Issue[] = [];
    const flag = (module: Module, node: ts.Node, what: string) =>
      issues.push({
        module,
        node,
        message:
          `${what} is not allowed in this exercise (it forbids ${p.forbid.join(', ')}). The point is ` +
          `to build this behaviour yourself with a generator and next()/throw(), which is what ` +
          `async/await does under the hood. Rewrite this part without it (${ctx.hint}).`,
      });
    if (forbid.has('async')) {
      for (const [m, k] of everywhere(ctx.modules, SK.AsyncKeyword)) flag(m, k, '`async`');
    }
    if (forbid.has('await')) {
      for (const [m, a] of everywhere(ctx.modules, SK.AwaitExpression)) flag(m, a, '`await`');
      for (const [m, f] of everywhere<ts.ForOfStatement>(ctx.modules, SK.ForOfStatement)) {
        if (f.awaitModifier) flag(m, f.awaitModifier, '`for await`');
      }
    }
    if (forbid.has('promise') || forbid.has('timers')) {
      for (const kind of [SK.Identifier, SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
        for (const [m, n] of everywhere(ctx.modules, kind)) {
          const name = globalName(n, m.declared);
          if (!name) continue;
          if (name === 'Promise' && forbid.has('promise')) flag(m, n, '`Promise`');
          if (TIMERS.has(name) && forbid.has('timers')) flag(m, n, `\`${name}\``);
        }
      }
    }
    return issues;
  },
});
