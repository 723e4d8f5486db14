/**
 * The code an export is made of: its own declaration plus the module-level functions and classes
 * it calls by name, transitively and across sibling files. An eager array moved into a helper is
 * still an eager array.
 */
import { isClass, isFunctionNode, isValueReference, SK, ts } from './ast.ts';
import { resolveLocal, resolveValue, type Loader, type Target } from './exports.ts';
import type { Module } from './module.ts';
import { isWrapper } from './producers.ts';

export interface Part {
  module: Module;
  node: ts.Node;
}
export type Scope = readonly Part[];

/** Enough for any kata; a bound keeps a pathological call web cheap. */
const MAX_PARTS = 64;

export interface ScopeOptions {
  /**
   * Leave out a helper: a part of the exercise in its own right, judged by its own checks (a
   * hand-written `gen()` may well call the exercise's `function*`).
   */
  skip?: (module: Module, node: ts.Node) => boolean;
}

/**
 * The export's code plus every module-level function, class or object it refers to (called,
 * `.call`ed, passed as a callback, used as a decorator, `this.helper()`), transitively and across
 * files: an eager array moved into a helper is still an eager array.
 */
export function scopeOf(load: Loader, start: Part, options: ScopeOptions = {}): Scope {
  const parts: Part[] = [start];
  const memo = new Map<string, Target>();
  const add = (t: Target) => {
    if (t.kind !== 'found') return;
    const n = t.node;
    // A bound function or a proxy: what it wraps is reached through it.
    if (!(isFunctionNode(n) || isClass(n) || ts.isObjectLiteralExpression(n) || isWrapper(n)))
      return;
    if (options.skip?.(t.module, n)) return;
    if (!parts.some((p) => p.module === t.module && contains(p.node, n)))
      parts.push({ module: t.module, node: n });
  };
  for (let i = 0; i < parts.length && parts.length < MAX_PARTS; i++) {
    const part = parts[i]!;
    const { module } = part;
    for (const id of module.nodesWithin<ts.Identifier>(SK.Identifier, part.node)) {
      if (!isValueReference(id)) continue;
      // `ops.helper(...)`: only that member of the object is used, not the whole object.
      const access = id.parent;
      if (
        ts.isPropertyAccessExpression(access) &&
        access.expression === id &&
        module.declared.has(id.text)
      ) {
        const member = resolveValue(load, module, access);
        if (member.kind === 'found') {
          add(member);
          continue;
        }
      }
      const key = `${module.path}#${id.text}`;
      let t = memo.get(key);
      if (!t) {
        t = module.declared.has(id.text)
          ? resolveLocal(load, module, id.text)
          : { kind: 'missing' };
        memo.set(key, t);
      }
      add(t);
    }
    // `this.helper()` in a method reaches the other members of its class or object.
    for (const access of module.nodesWithin<ts.PropertyAccessExpression>(
      SK.PropertyAccessExpression,
      part.node,
    )) {
      if (access.expression.kind !== SK.ThisKeyword) continue;
      const owner = ownerOf(access);
      if (owner && !contains(part.node, owner)) add({ kind: 'found', module, node: owner });
    }
  }
  return parts;
}

/** The class or object literal whose method `node` is in. */
function ownerOf(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (isClass(n) || ts.isObjectLiteralExpression(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
  }
  return undefined;
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
