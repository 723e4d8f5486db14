import { z } from 'zod';
import { calledBy, globalName, SK, ts } from '../ast.ts';
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
        if (name !== 'eval' && !(name === 'Function' && makesCode(node)) && !timerWithCode)
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
