/**
 * Finds what an export name stands for, however it is exported: `export function*`,
 * `export const x = ...`, `export default`, `export { x as y }`, a re-export from a sibling file,
 * an import passed on, or a member (`Ops.range`, `Range[Symbol.iterator]`) of an exported object or
 * class. When the code does something this module does not follow, the answer is `unknown`, and
 * the rules stay silent rather than accuse.
 */
import {
  extendsSomething,
  hasModifier,
  isClass,
  isFunctionNode,
  propertyNameText,
  SK,
  ts,
  unwrap,
  memberName,
  memberObject,
} from './ast.ts';
import type { Module } from './module.ts';

export type Target =
  { kind: 'found'; module: Module; node: ts.Node } | { kind: 'missing' } | { kind: 'unknown' };

/** Loads a sibling file named by a relative specifier; undefined when it cannot be used. */
export type Loader = (from: Module, specifier: string) => Module | undefined;

const UNKNOWN: Target = { kind: 'unknown' };
const MISSING: Target = { kind: 'missing' };

/** `Range[Symbol.iterator]` → [`Range`, `[Symbol.iterator]`]; `Ops.prototype.x` → [`Ops`, `x`]. */
export function splitExportPath(path: string): string[] {
  return (path.match(/\[[^\]]+\]|[^.[\]]+/g) ?? []).filter((p) => p !== 'prototype');
}

export function resolveExport(load: Loader, module: Module, path: string): Target {
  const [head, ...members] = splitExportPath(path);
  if (!head) return UNKNOWN;
  let target = exported(load, module, head, new Set());
  for (const m of members) target = target.kind === 'found' ? member(load, target, m) : target;
  return target;
}

function exported(load: Loader, mod: Module, name: string, seen: Set<string>): Target {
  const key = `${mod.path}#export:${name}`;
  if (seen.has(key)) return UNKNOWN;
  seen.add(key);
  const stars: Module[] = [];
  let found: Target | undefined;
  for (const st of mod.sf.statements) {
    const isExported = hasModifier(st, SK.ExportKeyword);
    const isDefault = hasModifier(st, SK.DefaultKeyword);
    const declName = isDefault ? 'default' : (st as { name?: ts.Identifier }).name?.text;
    if (
      (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) &&
      isExported &&
      declName === name
    ) {
      // Overloads share the name; the one with a body is the implementation.
      if (!ts.isFunctionDeclaration(st) || st.body)
        found = { kind: 'found', module: mod, node: st };
    } else if (ts.isVariableStatement(st) && isExported) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name)
          found = valueOf(load, mod, d.initializer, seen);
      }
    } else if (ts.isExportAssignment(st)) {
      if (st.isExportEquals) return UNKNOWN;
      if (name === 'default') found = valueOf(load, mod, st.expression, seen);
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
      const from = st.moduleSpecifier;
      const sibling = from && ts.isStringLiteral(from) ? load(mod, from.text) : undefined;
      if (!st.exportClause) {
        if (!sibling) return UNKNOWN; // `export *` from something unreadable: cannot tell.
        stars.push(sibling);
      } else if (ts.isNamespaceExport(st.exportClause)) {
        if (st.exportClause.name.text === name) return UNKNOWN;
      } else {
        for (const el of st.exportClause.elements) {
          if (el.isTypeOnly || el.name.text !== name) continue;
          const local = (el.propertyName ?? el.name).text;
          if (from) found = sibling ? exported(load, sibling, local, seen) : UNKNOWN;
          else found = binding(load, mod, local, seen);
        }
      }
    }
  }
  if (found) return found;
  if (name === 'default') return MISSING; // `export *` never passes a default on.
  for (const s of stars) {
    const t = exported(load, s, name, seen);
    if (t.kind !== 'missing') return t;
  }
  return MISSING;
}

/** What a module-level name is bound to, following imports from siblings. */
function binding(load: Loader, mod: Module, name: string, seen: Set<string>): Target {
  const key = `${mod.path}#local:${name}`;
  if (seen.has(key)) return UNKNOWN;
  seen.add(key);
  let found: Target = UNKNOWN;
  for (const st of mod.sf.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name) {
      if (!ts.isFunctionDeclaration(st) || st.body)
        found = { kind: 'found', module: mod, node: st };
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name)
          found = valueOf(load, mod, d.initializer, seen);
      }
    } else if (
      ts.isImportDeclaration(st) &&
      st.importClause &&
      ts.isStringLiteral(st.moduleSpecifier)
    ) {
      const clause = st.importClause;
      const bindings = clause.namedBindings;
      let imported: string | undefined;
      if (clause.name?.text === name) imported = 'default';
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return UNKNOWN;
      if (bindings && ts.isNamedImports(bindings)) {
        const el = bindings.elements.find((e) => e.name.text === name);
        if (el) imported = (el.propertyName ?? el.name).text;
      }
      if (imported) {
        const sibling = load(mod, st.moduleSpecifier.text);
        return sibling ? exported(load, sibling, imported, seen) : UNKNOWN;
      }
    }
  }
  return found;
}

/** Follows an initializer to the function, class or object it holds. */
function valueOf(
  load: Loader,
  mod: Module,
  init: ts.Expression | undefined,
  seen: Set<string>,
): Target {
  if (!init) return UNKNOWN;
  const e = unwrap(init);
  if (isFunctionNode(e) || isClass(e) || ts.isObjectLiteralExpression(e)) {
    return { kind: 'found', module: mod, node: e };
  }
  if (ts.isIdentifier(e)) return binding(load, mod, e.text, seen);
  const object = memberObject(e);
  const name = memberName(e);
  if (object && name) {
    const owner = ts.isIdentifier(object) ? binding(load, mod, object.text, seen) : UNKNOWN;
    return owner.kind === 'found' ? member(load, owner, name) : UNKNOWN;
  }
  return UNKNOWN; // a call, a literal, ...: not followed.
}

/** A named member of a found class or object literal. */
function member(load: Loader, owner: Target & { kind: 'found' }, name: string): Target {
  const { module: mod, node } = owner;
  if (isClass(node)) {
    for (const m of node.members) {
      if (propertyNameText(m.name) !== name) continue;
      if (ts.isMethodDeclaration(m) && m.body) return { kind: 'found', module: mod, node: m };
      if (ts.isPropertyDeclaration(m)) return valueOf(load, mod, m.initializer, new Set());
      return UNKNOWN;
    }
    return extendsSomething(node) ? UNKNOWN : MISSING;
  }
  if (ts.isObjectLiteralExpression(node)) {
    for (const p of node.properties) {
      if (ts.isSpreadAssignment(p)) return UNKNOWN;
      if (propertyNameText(p.name) !== name) continue;
      if (ts.isMethodDeclaration(p)) return { kind: 'found', module: mod, node: p };
      if (ts.isPropertyAssignment(p)) return valueOf(load, mod, p.initializer, new Set());
      if (ts.isShorthandPropertyAssignment(p)) return binding(load, mod, p.name.text, new Set());
      return UNKNOWN;
    }
    return MISSING;
  }
  return UNKNOWN;
}

/** What a module-level name of `module` stands for (a callee, a class, an import). */
export function resolveLocal(load: Loader, module: Module, name: string): Target {
  return binding(load, module, name, new Set());
}
