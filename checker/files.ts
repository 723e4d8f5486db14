/**
 * Which files a module loads: the specifiers of its imports, re-exports, `import()` and
 * `require()` calls, and the paths vite would try for each. Shared by the engine (which reads
 * them all) and allowed-imports (which judges them).
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { SK, ts, unwrap } from './ast.ts';
import type { Module } from './module.ts';

export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** What vite tries for a specifier written with a JavaScript extension (TypeScript's convention). */
const FOR_JS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

/**
 * The files a relative specifier may load, in vite's order: `./impl` → impl.ts, impl.tsx, ...,
 * impl/index.ts, ...; `./impl.js` → impl.ts, impl.tsx, impl.js. Empty when the specifier leaves
 * the exercise folder (`root`) or is not relative: allowed-imports reports those.
 */
export function candidates(root: string, from: string, specifier: string): string[] {
  if (!/^\.\.?(\/|$)/.test(specifier) || /[?#]/.test(specifier)) return [];
  const base = resolve(dirname(from), specifier);
  const inside = relative(root, base);
  if (inside.startsWith('..') || resolve(root, inside) !== base) return [];
  const ext = /\.[a-z]+$/.exec(base)?.[0] ?? '';
  if (FOR_JS[ext]) return [base, ...FOR_JS[ext]!.map((e) => base.slice(0, -ext.length) + e)];
  const found = [
    ...(CODE_EXTENSIONS.includes(ext) ? [base] : []),
    ...CODE_EXTENSIONS.map((e) => base + e),
  ];
  return [...found, ...CODE_EXTENSIONS.map((e) => `${base}${sep}index${e}`)];
}

/** The module a statement or call loads at run time, if any (type-only imports load nothing). */
export function specifierOf(node: ts.Node): ts.Expression | undefined {
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

const LOADING_KINDS = [
  SK.ImportDeclaration,
  SK.ExportDeclaration,
  SK.ImportEqualsDeclaration,
  SK.CallExpression,
];

/** Every specifier `m` loads, in document order per kind. */
export function loadedSpecifiers(m: Module): ts.Expression[] {
  const found: ts.Expression[] = [];
  for (const kind of LOADING_KINDS) {
    for (const node of m.nodes(kind)) {
      const spec = specifierOf(node);
      if (spec) found.push(spec);
    }
  }
  return found;
}
