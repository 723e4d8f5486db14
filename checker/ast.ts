/**
 * Small syntax helpers shared by the rules. Everything here reads the tree only: no type checker,
 * no text matching, so comments and strings never count as code.
 */
import ts from './typescript.cjs';

export { ts };
export const SK = ts.SyntaxKind;

/** Drops what changes nothing at run time: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isTypeAssertionExpression(e)
  ) {
    e = e.expression;
  }
  return e;
}

/** `a.b` and `a['b']` both name `b`, and so do `a['' + 'b']` and `a[k]` for `const k = 'b'`. */
export function memberName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const arg = unwrap(node.argumentExpression);
    if (isSymbolKey(arg)) return `[Symbol.${memberName(arg)}]`;
    return constantString(arg);
  }
  return undefined;
}

/** Finds the `const` declarations of a file by name: set by module.ts for constant folding. */
export const constantsOf = new WeakMap<ts.SourceFile, Map<string, ts.Expression>>();

/**
 * The string an expression always evaluates to, when it is made of literals only: `'ev' + 'al'`,
 * `` `ev${'al'}` ``, `['e', 'v'].join('')`, `String.fromCharCode(101)`, a `const` holding one.
 * A learner hiding a name in pieces is still naming it.
 */
export function constantString(expr: ts.Expression, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isNumericLiteral(e)) return String(Number(e.text));
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === SK.PlusToken) {
    const l = constantString(e.left, depth + 1);
    const r = l === undefined ? undefined : constantString(e.right, depth + 1);
    return r === undefined ? undefined : l! + r;
  }
  if (ts.isTemplateExpression(e)) {
    let s = e.head.text;
    for (const span of e.templateSpans) {
      const v = constantString(span.expression, depth + 1);
      if (v === undefined) return undefined;
      s += v + span.literal.text;
    }
    return s;
  }
  if (ts.isIdentifier(e)) {
    let sf: ts.Node = e;
    while (sf.parent) sf = sf.parent;
    const init = ts.isSourceFile(sf) ? constantsOf.get(sf)?.get(e.text) : undefined;
    return init && init !== e ? constantString(init, depth + 1) : undefined;
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const object = name ? unwrap((callee as ts.PropertyAccessExpression).expression) : undefined;
    const args = e.arguments.map((a) => constantString(a, depth + 1));
    if (args.some((a) => a === undefined)) return undefined;
    if (name === 'fromCharCode' && object && ts.isIdentifier(object) && object.text === 'String')
      return String.fromCharCode(...args.map(Number));
    if (name === 'join' && object && ts.isArrayLiteralExpression(object)) {
      const parts = object.elements.map((x) => constantString(x, depth + 1));
      return parts.some((p) => p === undefined) ? undefined : parts.join(args[0] ?? ',');
    }
    if (name === 'reverse' || name === 'concat' || name === 'toLowerCase' || name === 'trim') {
      const base = object && constantString(object, depth + 1);
      if (base === undefined) return undefined;
      if (name === 'concat') return base + args.join('');
      if (name === 'toLowerCase') return base.toLowerCase();
      return name === 'trim' ? base.trim() : undefined;
    }
  }
  return undefined;
}

/** The object of `a.b` / `a['b']`. */
export function memberObject(node: ts.Node): ts.Expression | undefined {
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)
    ? unwrap(node.expression)
    : undefined;
}

/** `Symbol.iterator`, `Symbol.asyncIterator`, ... */
function isSymbolKey(e: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === 'Symbol'
  );
}

/** A member's name as the rules spell it: `next`, `[Symbol.iterator]`; undefined when computed. */
export function propertyNameText(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = unwrap(name.expression);
    if (ts.isStringLiteralLike(e)) return e.text;
    if (isSymbolKey(e)) return `[Symbol.${memberName(e)}]`;
  }
  return undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) ? !!ts.getModifiers(node)?.some((m) => m.kind === kind) : false;
}

/** Functions a learner can give a body to. Overload signatures and arrows without `*` included. */
export type FunctionNode =
  ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node)
  );
}

export function isGenerator(node: ts.Node): boolean {
  return isFunctionNode(node) && !ts.isArrowFunction(node) && !!node.asteriskToken;
}

export function isClass(node: ts.Node): node is ts.ClassLikeDeclaration {
  return ts.isClassDeclaration(node) || ts.isClassExpression(node);
}

/**
 * Is this identifier read as a value (not a declaration name, a property name, a label)? Type
 * positions never reach the rules: the index skips them.
 */
export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent as ts.Node & { name?: ts.Node; propertyName?: ts.Node; label?: ts.Node };
  if (!p) return false;
  if (ts.isShorthandPropertyAssignment(p)) return p.name === id;
  if (p.name === id || p.propertyName === id || p.label === id) return false;
  return !ts.isQualifiedName(p) && !ts.isMetaProperty(p);
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/** `globalThis`, `global`, `window`, `self` as a value (unless the file declares such a name). */
export function isGlobalObject(e: ts.Expression, declared: ReadonlySet<string>): boolean {
  const u = unwrap(e);
  return (
    ts.isIdentifier(u) && GLOBAL_OBJECTS.has(u.text) && !declared.has(u.text) && isValueReference(u)
  );
}

/**
 * Which global `node` names, if any: `process` or `globalThis.process` both give `process`.
 * A name the file declares itself (a parameter called `process`) is the learner's, not a global.
 */
export function globalName(node: ts.Node, declared: ReadonlySet<string>): string | undefined {
  if (ts.isIdentifier(node)) {
    return !declared.has(node.text) && isValueReference(node) ? node.text : undefined;
  }
  const object = memberObject(node);
  return object && isGlobalObject(object, declared) ? memberName(node) : undefined;
}

/** The call or `new` whose callee is `node`, if any. */
export function calledBy(node: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
  let n = node;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return p && (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === n
    ? p
    : undefined;
}

/** The innermost function (or class static block) around a node. */
export function enclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)) return n;
  }
  return undefined;
}

/** `class A extends B`: members may come from B, which the checker does not follow. */
export function extendsSomething(node: ts.ClassLikeDeclaration): boolean {
  return !!node.heritageClauses?.some((h) => h.token === SK.ExtendsKeyword);
}
