import { z } from 'zod';
import { SK, ts, unwrap } from '../ast.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/** `./impl`, `./impl.ts`, `./impl.js`: a file in the same folder. */
export const isSiblingSpecifier = (s: string) => /^\.\/[^/\\]+$/.test(s) && s !== './..';

/** The module a statement or call loads at run time, if any (type-only imports load nothing). */
function specifierOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isImportDeclaration(node))
    return node.importClause?.isTypeOnly ? undefined : node.moduleSpecifier;
  if (ts.isExportDeclaration(node)) return node.isTypeOnly ? undefined : node.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    return node.isTypeOnly ? undefined : node.moduleReference.expression;
  }
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
    if (callee.kind === SK.ImportKeyword || isRequire) return node.arguments[0] ?? node;
  }
  return undefined;
}

/** Base rule: code comes only from sibling files; no packages, no `node:` builtins. */
export default defineRule({
  id: 'allowed-imports',
  severity: 'essential',
  summary: 'imports only from sibling files in the same folder',
  params: z.strictObject({}),
  check(ctx) {
    const issues: Issue[] = [];
    const kinds = [
      SK.ImportDeclaration,
      SK.ExportDeclaration,
      SK.ImportEqualsDeclaration,
      SK.CallExpression,
    ];
    for (const kind of kinds) {
      for (const [module, node] of everywhere(ctx.modules, kind)) {
        const spec = specifierOf(node);
        if (!spec) continue;
        const text = ts.isStringLiteralLike(spec) ? spec.text : undefined;
        if (text !== undefined && isSiblingSpecifier(text)) continue;
        issues.push({
          module,
          node: spec,
          message:
            `${text === undefined ? 'This computed import' : `Importing "${text}"`} is not allowed. ` +
            `Every kata is solved with the language alone, so the checker and the tests see all of ` +
            `your code, and a package or Node built-in could do the work for you. Write it yourself, ` +
            `or import only from a file next to this one ("./helpers") (${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
