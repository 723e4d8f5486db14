/**
 * One parsed file: the syntax tree plus an index of its nodes by kind, built in a single walk so
 * that every rule can ask "all the calls in this function" without walking the tree again.
 */
import { constantsOf, ts, SK } from './ast.ts';

/** Subtrees no rule looks into: types vanish at run time, so they can neither cheat nor err. */
function isTypeOnly(node: ts.Node): boolean {
  const k = node.kind;
  return (
    (k >= SK.FirstTypeNode && k <= SK.LastTypeNode) ||
    k === SK.InterfaceDeclaration ||
    k === SK.TypeAliasDeclaration ||
    k === SK.TypeParameter ||
    (k === SK.HeritageClause && (node as ts.HeritageClause).token === SK.ImplementsKeyword)
  );
}

/** Names a file declares somewhere: a local `process` or `Promise` is the learner's own. */
function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    ((ts.isVariableDeclaration(p) ||
      ts.isParameter(p) ||
      ts.isBindingElement(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isFunctionExpression(p) ||
      ts.isClassDeclaration(p) ||
      ts.isClassExpression(p) ||
      ts.isImportSpecifier(p) ||
      ts.isImportClause(p) ||
      ts.isNamespaceImport(p) ||
      ts.isImportEqualsDeclaration(p) ||
      ts.isEnumDeclaration(p) ||
      ts.isModuleDeclaration(p)) &&
      p.name === id) ||
    false
  );
}

export class Module {
  private readonly byKind: ts.Node[][] = [];
  private declaredNames?: Set<string>;
  /** Every variable's initializer by name (`let`, `var`, `const`): aliases to follow. */
  readonly initializers = new Map<string, ts.Expression>();

  constructor(
    /** Absolute path. */
    readonly path: string,
    readonly sf: ts.SourceFile,
  ) {
    this.index();
    this.indexConstants();
  }

  /** Parses `text`; throws RangeError when it nests deeper than the parser's stack allows. */
  static parse(path: string, text: string): Module {
    // No parent pointers from the parser: the index walk sets them, saving a whole-tree pass.
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKind(path));
    return new Module(path, sf);
  }

  /** Syntax errors found while parsing (the parser's own diagnostics, no type checking). */
  get parseErrors(): readonly ts.DiagnosticWithLocation[] {
    const own = (this.sf as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics;
    return own ?? [];
  }

  /** Every node of this kind outside type annotations, in document order. */
  nodes<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind): readonly T[] {
    return (this.byKind[kind] ?? []) as T[];
  }

  /** The nodes of this kind inside `outer` (itself included if of that kind). */
  nodesWithin<T extends ts.Node = ts.Node>(kind: ts.SyntaxKind, outer: ts.Node): T[] {
    const all = this.nodes<T>(kind);
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]!.pos < outer.pos) lo = mid + 1;
      else hi = mid;
    }
    const found: T[] = [];
    for (let i = lo; i < all.length && all[i]!.pos < outer.end; i++) {
      if (all[i]!.end <= outer.end) found.push(all[i]!);
    }
    return found;
  }

  get declared(): ReadonlySet<string> {
    if (!this.declaredNames) {
      this.declaredNames = new Set();
      for (const id of this.nodes<ts.Identifier>(SK.Identifier)) {
        if (isDeclarationName(id)) this.declaredNames.add(id.text);
      }
    }
    return this.declaredNames;
  }

  /** 1-based line and column where `node`'s own text starts (after comments). */
  position(node: ts.Node): { line: number; column: number } {
    const start = node === this.sf ? 0 : node.getStart(this.sf);
    const { line, character } = this.sf.getLineAndCharacterOfPosition(start);
    return { line: line + 1, column: character + 1 };
  }

  /** `const k = 'ev' + 'al'`: what constant folding may look up by name. */
  private indexConstants(): void {
    const constants = new Map<string, ts.Expression>();
    for (const d of this.nodes<ts.VariableDeclaration>(SK.VariableDeclaration)) {
      const list = d.parent;
      if (d.initializer && ts.isIdentifier(d.name))
        this.initializers.set(d.name.text, d.initializer);
      if (
        d.initializer &&
        ts.isIdentifier(d.name) &&
        ts.isVariableDeclarationList(list) &&
        list.flags & ts.NodeFlags.Const
      )
        constants.set(d.name.text, d.initializer);
    }
    constantsOf.set(this.sf, constants);
  }

  // An explicit stack, not recursion: a 500-level nest must not overflow the checker.
  private index(): void {
    const stack: ts.Node[] = [this.sf];
    const byKind = this.byKind;
    let parent: ts.Node = this.sf;
    const visit = (child: ts.Node): void => {
      if (isTypeOnly(child)) return;
      (child as { parent: ts.Node }).parent = parent;
      stack.push(child);
    };
    while (stack.length) {
      const node = stack.pop()!;
      (byKind[node.kind] ??= []).push(node);
      parent = node;
      const first = stack.length;
      ts.forEachChild(node, visit);
      // Children were pushed in order; reversed, they pop in order, so every list is in document
      // order (sorted by position), which lets nodesWithin() binary-search.
      for (let i = first, j = stack.length - 1; i < j; i++, j--) {
        const t = stack[i]!;
        stack[i] = stack[j]!;
        stack[j] = t;
      }
    }
  }
}

/** How to parse a file: by its extension, as vite does (JSX only in .jsx and .tsx). */
export function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
