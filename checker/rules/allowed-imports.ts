import { dirname } from 'node:path';
import { z } from 'zod';
import { ts } from '../ast.ts';
import { candidates, loadedSpecifiers } from '../files.ts';
import { defineRule, type Issue } from '../rule.ts';

/** Base rule: code comes only from files in the exercise's folder; no packages, no builtins. */
export default defineRule({
  id: 'allowed-imports',
  severity: 'essential',
  summary: "imports only from files in the exercise's folder",
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    const root = dirname(ctx.main.path);
    for (const module of ctx.modules) {
      for (const spec of loadedSpecifiers(module)) {
        const text = ts.isStringLiteralLike(spec) ? spec.text : undefined;
        if (text !== undefined && candidates(root, module.path, text).length) continue;
        issues.push({
          module,
          node: spec,
          message:
            `${text === undefined ? 'This computed import' : `Importing "${text}"`} is not allowed. ` +
            `Every kata is solved with the language alone, so the checker and the tests see all of ` +
            `your code, and a package, a Node built-in or a computed path could do the work out of ` +
            `sight. Write it yourself, or import only from a file in this folder ("./helpers") ` +
            `(${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
