/**
 * What a write changes, and whether that is shared by everyone (a global, a built-in, a built-in's
 * prototype): helpers for the no-global-writes rule.
 */
import {
  constantsOf,
  globalName,
  isGlobalObject,
  memberName,
  memberObject,
  SK,
  ts,
  unwrap,
} from './ast.ts';
import type { Module } from './module.ts';

const BUILTINS = new Set(
  'Object Function Array String Number Boolean Symbol BigInt Map Set WeakMap WeakSet Promise RegExp Date Error TypeError RangeError Math JSON Reflect Iterator AsyncIterator ArrayBuffer Uint8Array console'.split(
    ' ',
  ),
);
const DEFINERS = new Set([
  'defineProperty',
  'defineProperties',
  'assign',
  'setPrototypeOf',
  'set',
  'deleteProperty',
]);

/** Is `e` a global, a built-in, or reached through one (`Array.prototype`, `globalThis.x`)? */
export function isShared(e: ts.Expression, m: Module, depth = 0): boolean {
  const u = unwrap(e);
  if (depth > 10) return false;
  if (isGlobalObject(u, m.declared)) return true;
  if (ts.isIdentifier(u)) {
    if (BUILTINS.has(globalName(u, m.declared) ?? '')) return true;
    // An alias: `const proto = Object.getPrototypeOf(function* () {}); proto.next = ...`.
    const init = constantsOf.get(m.sf)?.get(u.text) ?? m.initializers.get(u.text);
    return !!init && init !== u && isShared(init, m, depth + 1);
  }
  if (ts.isCallExpression(u)) return memberName(unwrap(u.expression)) === 'getPrototypeOf';
  const object = memberObject(u);
  return !!object && (memberName(u) === '__proto__' || isShared(object, m, depth + 1));
}

/** The object a write changes: `a.b = 1` and `delete a.b` change a; `Object.assign(t, ...)` t. */
export function writtenObject(node: ts.Node): ts.Expression | undefined {
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    return op >= SK.FirstAssignment && op <= SK.LastAssignment
      ? memberObject(unwrap(node.left))
      : undefined;
  }
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
    const op = node.operator;
    return op === SK.PlusPlusToken || op === SK.MinusMinusToken
      ? memberObject(unwrap(node.operand))
      : undefined;
  }
  if (ts.isDeleteExpression(node)) return memberObject(unwrap(node.expression));
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const owner = memberObject(callee);
    const isDefiner = owner && ts.isIdentifier(owner) && ['Object', 'Reflect'].includes(owner.text);
    return isDefiner && DEFINERS.has(memberName(callee) ?? '') ? node.arguments[0] : undefined;
  }
  return undefined;
}
