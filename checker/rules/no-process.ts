import { z } from 'zod';
import { globalName, SK } from '../ast.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/** Base rule: no `process` (exit codes, env, the heap): a kata's code is plain JavaScript. */
export default defineRule({
  id: 'no-process',
  severity: 'essential',
  summary: 'no use of process',
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    for (const kind of [SK.Identifier, SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
      for (const [module, node] of everywhere(ctx.modules, kind)) {
        if (globalName(node, module.declared) !== 'process') continue;
        issues.push({
          module,
          node,
          message:
            `\`process\` reaches outside your code (environment, exit, timing, memory). A kata is ` +
            `solved with plain generators, and the tests must judge your code, not the process it ` +
            `runs in. Remove this use of \`process\` (${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
