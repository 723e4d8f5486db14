/**
 * The code an export is made of: its own declaration plus the module-level functions and classes
 * it calls by name, transitively and across sibling files. An eager array moved into a helper is
 * still an eager array.
 */
import { hasModifier, isClass, isFunctionNode, SK, ts, unwrap } from './ast.ts';
import { resolveLocal, type Loader } from './exports.ts';
import type { Module } from './module.ts';

export interface Part {
  module: Module;
  node: ts.Node;
}
export type Scope = readonly Part[];

/** Enough for any kata; a bound keeps a pathological call web cheap. */
const MAX_PARTS = 64;

export interface ScopeOptions {
  /**
   * Leave out helpers their own file exports: they are parts of the exercise in their own right,
   * judged by their own checks (a hand-written `gen()` may well call the exercise's `function*`).
   */
  skipExported?: boolean;
}

export function scopeOf(load: Loader, start: Part, options: ScopeOptions = {}): Scope {
  const parts: Part[] = [start];
  for (let i = 0; i < parts.length && parts.length < MAX_PARTS; i++) {
    for (const [module, callee] of calleesIn(parts[i]!)) {
      const t = resolveLocal(load, module, callee.text);
      if (t.kind !== 'found' || !(isFunctionNode(t.node) || isClass(t.node))) continue;
      if (options.skipExported && isExported(t.module, t.node)) continue;
      if (!parts.some((p) => p.module === t.module && contains(p.node, t.node))) {
        parts.push({ module: t.module, node: t.node });
      }
    }
  }
  return parts;
}

function* calleesIn(part: Part): Generator<[Module, ts.Identifier]> {
  for (const kind of [SK.CallExpression, SK.NewExpression]) {
    for (const [module, call] of within<ts.CallExpression | ts.NewExpression>([part], kind)) {
      const callee = unwrap(call.expression);
      if (ts.isIdentifier(callee)) yield [module, callee];
    }
  }
}

/** `export function f`, `export const f = ...`, or named in an `export { f }` of its file. */
function isExported(module: Module, node: ts.Node): boolean {
  let decl: ts.Node = node;
  while (!ts.isSourceFile(decl.parent) && decl.parent) decl = decl.parent;
  if (hasModifier(decl, SK.ExportKeyword)) return true;
  const name = (node as { name?: ts.Node }).name ?? (node.parent as { name?: ts.Node }).name;
  if (!name || !ts.isIdentifier(name)) return false;
  return module.sf.statements.some(
    (st) =>
      ts.isExportDeclaration(st) &&
      !st.moduleSpecifier &&
      !!st.exportClause &&
      ts.isNamedExports(st.exportClause) &&
      st.exportClause.elements.some((e) => (e.propertyName ?? e.name).text === name.text),
  );
}

export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** Every node of `kind` inside the scope's parts, with the module it belongs to. */
export function* within<T extends ts.Node>(
  scope: Scope,
  kind: ts.SyntaxKind,
): Generator<[Module, T]> {
  for (const { module, node } of scope) {
    for (const n of module.nodesWithin<T>(kind, node)) yield [module, n];
  }
}

/** Every node of `kind` in every module. */
export function* everywhere<T extends ts.Node>(
  modules: readonly Module[],
  kind: ts.SyntaxKind,
): Generator<[Module, T]> {
  for (const module of modules) for (const n of module.nodes<T>(kind)) yield [module, n];
}
