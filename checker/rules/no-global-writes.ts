import { z } from 'zod';
import { SK } from '../ast.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';
import { isShared, writtenObject } from '../writes.ts';

/** Base rule: no writes to globalThis, built-ins or their prototypes (no patching the platform). */
export default defineRule({
  id: 'no-global-writes',
  severity: 'essential',
  summary: 'no writes to globalThis, window, built-ins or their prototypes',
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    const kinds = [
      SK.BinaryExpression,
      SK.PrefixUnaryExpression,
      SK.PostfixUnaryExpression,
      SK.DeleteExpression,
      SK.CallExpression,
    ];
    for (const kind of kinds) {
      for (const [module, node] of everywhere(ctx.modules, kind)) {
        const target = writtenObject(node);
        if (!target || !isShared(target, module)) continue;
        issues.push({
          module,
          node,
          message:
            `This changes a global or a built-in (like \`Array.prototype\` or \`globalThis\`). It ` +
            `changes the platform the tests run on, for every exercise, and can make a test pass ` +
            `without your code doing the work. Keep your changes inside your own functions and ` +
            `objects (${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
