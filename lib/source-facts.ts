import ts from 'typescript';

/** Names a module exports (values and types), read from its syntax alone. */
export function exportedNames(text: string, fileName = 'file.ts'): Set<string> {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  for (const stmt of sf.statements) {
    if (ts.isExportAssignment(stmt)) names.add('default');
    else if (
      ts.isExportDeclaration(stmt) &&
      stmt.exportClause &&
      ts.isNamedExports(stmt.exportClause)
    ) {
      for (const el of stmt.exportClause.elements) names.add(el.name.text);
    } else if (exported(stmt)) {
      if (isDefault(stmt)) names.add('default');
      else if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) {
          if (ts.isIdentifier(d.name)) names.add(d.name.text);
        }
      } else if (
        (ts.isFunctionDeclaration(stmt) ||
          ts.isClassDeclaration(stmt) ||
          ts.isInterfaceDeclaration(stmt) ||
          ts.isTypeAliasDeclaration(stmt) ||
          ts.isEnumDeclaration(stmt)) &&
        stmt.name
      ) {
        names.add(stmt.name.text);
      }
    }
  }
  return names;
}

/** The titles of the top-level `describe('...')` calls of a test file, in order. */
export function topLevelDescribes(text: string, fileName = 'file.test.ts'): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const titles: string[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt) || !ts.isCallExpression(stmt.expression)) continue;
    const call = stmt.expression;
    if (!ts.isIdentifier(call.expression) || call.expression.text !== 'describe') continue;
    const first = call.arguments[0];
    if (first && ts.isStringLiteralLike(first)) titles.push(first.text);
  }
  return titles;
}

/** True when the code (not its comments or strings) declares a generator function. */
export function declaresGenerator(text: string, fileName = 'file.ts'): boolean {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const visit = (node: ts.Node): boolean =>
    ((ts.isFunctionLike(node) && 'asteriskToken' in node && !!node.asteriskToken) ||
      ts.forEachChild(node, visit)) ??
    false;
  return visit(sf);
}
