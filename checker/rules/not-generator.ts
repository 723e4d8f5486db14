import { z } from 'zod';
import { isGenerator, SK, ts } from '../ast.ts';
import { cannotVerify, defineRule, missingExport, nameOf, type Issue } from '../rule.ts';
import { within } from '../scope.ts';

const FUNCTION_KINDS = [SK.FunctionDeclaration, SK.FunctionExpression, SK.MethodDeclaration];

/** A hand-written iterator: no `function*` in the export or in the helpers it calls. */
export default defineRule({
  id: 'not-generator',
  severity: 'essential',
  summary: 'a hand-written iterator: no function* inside the export',
  params: z.strictObject({ export: z.string().min(1) }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind === 'missing') return [missingExport(ctx, p.export, 'a hand-written iterator')];
    if (target.kind === 'unknown')
      return [
        cannotVerify(
          ctx,
          p.export,
          target,
          'a hand-written iterator',
          `export class ${p.export} { next() { ... } }`,
        ),
      ];
    // A helper the exercise wants as a generator (exercise 10's `internal`) is not a hiding place.
    const generators = ctx.checks
      .filter((c) => c.rule === 'generator-function' || c.rule === 'async-generator-function')
      .map((c) => ctx.resolve(String(c.export)))
      .flatMap((t) => (t.kind === 'found' ? [t.node] : []));
    const scope = ctx.scope(target, { skip: (_, node) => generators.includes(node) });
    const issues: Issue[] = [];
    for (const kind of FUNCTION_KINDS) {
      for (const [module, fn] of within<ts.Node>(scope, kind)) {
        if (!isGenerator(fn)) continue;
        issues.push({
          module,
          node: nameOf(fn),
          message:
            `\`${p.export}\` uses a generator function here, but this exercise asks for the ` +
            `iterator protocol by hand: an object whose next() returns { value, done }, so you see ` +
            `what a generator does for you. Replace the function* with a next() method that keeps ` +
            `its own state (${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
