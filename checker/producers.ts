/**
 * What calling an export gives, when the export is not itself a `function*` but a wrapper around
 * one: an arrow or function that returns a call (`(...a) => impl(...a)`, `impl.call(this, n)`,
 * `Reflect.apply(impl, null, a)`, a local helper that calls what it is given), a bound function
 * (`impl.bind(null)`), or a proxy (`new Proxy(impl, handler)`, its `apply` trap followed). What
 * proves generator use at run time is that each call hands back a real generator object; here the
 * checker finds the `function*` that makes it, so the rules can judge that one. Anything it cannot
 * follow is `unknown`, never a pass.
 */
import {
  globalName,
  hasModifier,
  isClass,
  isFunctionNode,
  isGenerator,
  memberName,
  memberObject,
  SK,
  ts,
  unwrap,
  type FunctionNode,
} from './ast.ts';
import { snippet, type Unknown } from './exports.ts';
import type { Module } from './module.ts';
import type { RuleContext } from './rule.ts';

/** A parameter name bound to the argument a followed call passed it. */
export interface Bound {
  module: Module;
  expr: ts.Expression;
  env: Env;
}
export type Env = ReadonlyMap<string, Bound>;
const EMPTY: Env = new Map();

export type Made =
  /** A real generator object, made by this `function*` (async or not). */
  | { kind: 'generator'; module: Module; node: FunctionNode; env: Env; async: boolean }
  /** Something else: `what` says what, as a phrase ("a hand-written object"). */
  | { kind: 'other'; module: Module; node: ts.Node; what: string }
  | Unknown;

/** Object's functions that hand back the object they are given. */
const SAME_OBJECT = new Set([
  'assign',
  'freeze',
  'seal',
  'preventExtensions',
  'setPrototypeOf',
  'defineProperty',
  'defineProperties',
]);

/** Wrappers around wrappers: enough for any honest style, and a bound on a loop of calls. */
const MAX_HOPS = 8;

const unknown = (why: string, module: Module, node: ts.Node): Unknown => ({
  kind: 'unknown',
  why,
  module,
  node,
});
const other = (what: string, module: Module, node: ts.Node): Made => ({
  kind: 'other',
  module,
  node,
  what,
});

/** A name that stands for nothing the checker can find, as what it cannot follow. */
function lost(t: { kind: 'missing' } | Unknown, module: Module, node: ts.Node): Unknown {
  return t.kind === 'missing' ? unknown(`\`${snippet(module, node)}\``, module, node) : t;
}

/** Is this node a wrapper whose calls the checker can follow (a plain function, bind, Proxy)? */
export function isWrapper(node: ts.Node): boolean {
  return (
    (isFunctionNode(node) && !isGenerator(node)) ||
    (ts.isCallExpression(node) && memberName(unwrap(node.expression)) === 'bind') ||
    isProxy(node)
  );
}

function isProxy(node: ts.Node): node is ts.NewExpression {
  return (
    ts.isNewExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'Proxy' &&
    !!node.arguments &&
    node.arguments.length >= 2
  );
}

/** What a call of the value `node` (a function, bound function or proxy) hands back. */
export function madeByCalling(
  ctx: RuleContext,
  module: Module,
  node: ts.Node,
  env: Env = EMPTY,
  hops = 0,
): Made[] {
  if (hops > MAX_HOPS) return [unknown('a chain of wrappers too long to follow', module, node)];
  if (isGenerator(node)) {
    const fn = node as FunctionNode;
    return [{ kind: 'generator', module, node: fn, env, async: hasModifier(fn, SK.AsyncKeyword) }];
  }
  if (isFunctionNode(node)) {
    if (!node.body) return [unknown(`a function without a body`, module, node)];
    if (hasModifier(node, SK.AsyncKeyword))
      return [other('a promise (it is an async function)', module, node)];
    const returned = returnedBy(module, node);
    if (!returned.length) return [other('nothing (it has no `return` of a value)', module, node)];
    return returned.flatMap((e) => madeBy(ctx, module, e, env, hops + 1));
  }
  if (ts.isCallExpression(node) && memberName(unwrap(node.expression)) === 'bind') {
    // `impl.bind(self, a, b)`: the bound arguments come first.
    const fnExpr = memberObject(unwrap(node.expression))!;
    const t = valueIn(ctx, module, fnExpr, env);
    if (t.kind !== 'found') return [lost(t, module, node)];
    const args = node.arguments.slice(1).map((expr) => ({ module, expr, env }));
    return madeByCalling(ctx, t.module, t.node, bindParams(t.node, args), hops + 1);
  }
  if (isProxy(node)) {
    const [targetExpr, handlerExpr] = node.arguments!;
    const handler = valueIn(ctx, module, handlerExpr!, env);
    if (handler.kind !== 'found' || !ts.isObjectLiteralExpression(handler.node))
      return [unknown(`a proxy whose handler is not an object literal`, module, node)];
    const trap = applyTrap(handler.node);
    if (trap === 'unknown')
      return [unknown(`a proxy handler with a spread or computed key`, module, handler.node)];
    if (!trap) {
      const t = valueIn(ctx, module, targetExpr!, env);
      return t.kind === 'found'
        ? madeByCalling(ctx, t.module, t.node, EMPTY, hops + 1)
        : [lost(t, module, node)];
    }
    // apply(target, thisArg, args): `target` is what the proxy wraps.
    const trapEnv = bindParams(trap, [{ module, expr: targetExpr!, env }]);
    return madeByCalling(ctx, handler.module, trap, trapEnv, hops + 1);
  }
  if (isClass(node)) return [other('an error (a class cannot be called)', module, node)];
  return [unknown(`\`${snippet(module, node)}\``, module, node)];
}

/** The `apply` trap of a proxy handler, undefined when it has none. */
function applyTrap(handler: ts.ObjectLiteralExpression): ts.Node | 'unknown' | undefined {
  for (const p of handler.properties) {
    if (ts.isSpreadAssignment(p)) return 'unknown';
    if (p.name && ts.isComputedPropertyName(p.name)) return 'unknown';
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text;
    if (name !== 'apply') continue;
    if (ts.isMethodDeclaration(p)) return p;
    if (ts.isPropertyAssignment(p) && isFunctionNode(unwrap(p.initializer)))
      return unwrap(p.initializer);
    return 'unknown';
  }
  return undefined;
}

/** Every value a function returns: its expression body, or each `return x` of its own. */
function returnedBy(module: Module, fn: FunctionNode): ts.Expression[] {
  const body = fn.body!;
  if (!ts.isBlock(body)) return [body];
  return module
    .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, body)
    .filter((r) => ownerFunction(r) === fn && r.expression)
    .map((r) => r.expression!);
}

function ownerFunction(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

/** Binds a function's parameters to the arguments of a call (a rest parameter binds nothing). */
function bindParams(fn: ts.Node, args: Bound[]): Env {
  const env = new Map<string, Bound>();
  if (!isFunctionNode(fn)) return env;
  fn.parameters.forEach((p, i) => {
    if (p.dotDotDotToken || !ts.isIdentifier(p.name) || !args[i]) return;
    // A spread argument before it shifts the positions: bind nothing from there on.
    if (args.slice(0, i + 1).some((a) => ts.isSpreadElement(a.expr))) return;
    env.set(p.name.text, args[i]!);
  });
  return env;
}

/** Collections whose iterators are built in: their `.values()` is no generator object. */
function builtInCollection(module: Module, e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u) || ts.isStringLiteralLike(u)) return true;
  if (ts.isNewExpression(u) && ts.isIdentifier(u.expression))
    return ['Array', 'Map', 'Set'].includes(globalName(u.expression, module.declared) ?? '');
  return false;
}

/** What evaluating `expr` (a returned value) gives. */
export function madeBy(
  ctx: RuleContext,
  module: Module,
  expr: ts.Expression,
  env: Env,
  hops: number,
): Made[] {
  if (hops > MAX_HOPS) return [unknown('a chain of wrappers too long to follow', module, expr)];
  const e = unwrap(expr);
  if (ts.isConditionalExpression(e))
    return [e.whenTrue, e.whenFalse].flatMap((x) => madeBy(ctx, module, x, env, hops + 1));
  if (
    ts.isBinaryExpression(e) &&
    [SK.BarBarToken, SK.QuestionQuestionToken, SK.AmpersandAmpersandToken].includes(
      e.operatorToken.kind,
    )
  )
    return [e.left, e.right].flatMap((x) => madeBy(ctx, module, x, env, hops + 1));
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const method = memberName(callee);
    const calleeObject = memberObject(callee);
    // `Object.assign(x, ...)`, `Object.freeze(x)`: the same object back, changed or not.
    if (
      calleeObject &&
      globalName(calleeObject, module.declared) === 'Object' &&
      SAME_OBJECT.has(method ?? '') &&
      e.arguments[0]
    )
      return madeBy(ctx, module, e.arguments[0], env, hops + 1);
    let fnExpr: ts.Expression = callee;
    let args: readonly ts.Expression[] = e.arguments;
    if (
      method === 'apply' &&
      memberObject(callee) &&
      globalName(memberObject(callee)!, module.declared) === 'Reflect'
    ) {
      fnExpr = e.arguments[0]!;
      args = spreadOf(e.arguments[2]);
    } else if ((method === 'call' || method === 'apply') && memberObject(callee)) {
      fnExpr = memberObject(callee)!;
      args = method === 'call' ? e.arguments.slice(1) : spreadOf(e.arguments[1]);
    }
    if (!fnExpr) return [unknown(`\`${snippet(module, e)}\``, module, e)];
    const object = memberObject(unwrap(fnExpr));
    const t = valueIn(ctx, module, fnExpr, env);
    if (t.kind !== 'found') {
      const name = memberName(unwrap(fnExpr));
      if (
        object &&
        name &&
        (builtInCollection(module, object) || builtArray(ctx, module, object, env))
      )
        return [other(`a built-in iterator (\`${snippet(module, e)}\`)`, module, e)];
      return [lost(t, module, e)];
    }
    const bound = bindParams(
      t.node,
      args.map((a) => ({ module, expr: a, env })),
    );
    return madeByCalling(ctx, t.module, t.node, bound, hops + 1);
  }
  if (ts.isIdentifier(e)) {
    const local = localValue(module, e);
    if (local && isFunctionNode(local))
      return [other('a function (not what calling it gives)', module, local)];
    if (local) return madeBy(ctx, module, local as ts.Expression, env, hops + 1);
    return [unknown(`\`${e.text}\``, module, e)];
  }
  if (ts.isObjectLiteralExpression(e)) return [other('a hand-written object', module, e)];
  if (ts.isArrayLiteralExpression(e)) return [other('an array', module, e)];
  if (ts.isNewExpression(e))
    return [other(`an object made by \`${snippet(module, e)}\``, module, e)];
  if (ts.isAwaitExpression(e) || ts.isLiteralExpression(e))
    return [other(`\`${snippet(module, e)}\``, module, e)];
  return [unknown(`\`${snippet(module, e)}\``, module, e)];
}

/** `f(...args)` with `args` an array literal: its elements; otherwise nothing to bind. */
function spreadOf(e: ts.Expression | undefined): readonly ts.Expression[] {
  const u = e && unwrap(e);
  return u && ts.isArrayLiteralExpression(u) ? u.elements : [];
}

/**
 * What an expression stands for as a value: a parameter bound by a followed call, a function
 * declared inside the enclosing functions, or what the file's top level gives it.
 */
export function valueIn(
  ctx: RuleContext,
  module: Module,
  expr: ts.Expression,
  env: Env,
  depth = 0,
): ReturnType<RuleContext['resolveValue']> {
  const e = unwrap(expr);
  if (depth > MAX_HOPS) return unknown('a chain of names too long to follow', module, e);
  if (ts.isIdentifier(e)) {
    const bound = env.get(e.text);
    if (bound && isParameterOfScope(e))
      return valueIn(ctx, bound.module, bound.expr, bound.env, depth + 1);
    const local = localValue(module, e);
    if (local) {
      const u = ts.isFunctionDeclaration(local) ? local : unwrap(local as ts.Expression);
      if (isFunctionNode(u) || isClass(u) || ts.isObjectLiteralExpression(u))
        return { kind: 'found', module, node: u };
      return valueIn(ctx, module, u as ts.Expression, env, depth + 1);
    }
    if (isParameterOfScope(e)) return unknown(`the parameter \`${e.text}\``, module, e);
  }
  return ctx.resolveValue(module, e);
}

/** Is `id` the name of a parameter of a function around it? */
function isParameterOfScope(id: ts.Identifier): boolean {
  for (let n = id.parent; n; n = n.parent) {
    if (
      isFunctionNode(n) &&
      n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)
    )
      return true;
  }
  return false;
}

/**
 * The value a name has inside the functions around it: a `const` (or a function declaration)
 * declared in one of them. undefined when the name is a parameter, a `let` that may change, or
 * belongs to the top level.
 */
export function localValue(
  _module: Module,
  id: ts.Identifier,
): ts.Expression | ts.FunctionDeclaration | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!isFunctionNode(n)) continue;
    if (n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text))
      return undefined;
    if (!n.body || !ts.isBlock(n.body)) continue;
    for (const st of n.body.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === id.text && st.body) return st;
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer)
          return d.initializer;
    }
  }
  return undefined;
}

/** Is `id` the rest parameter of the innermost function around it that declares that name? */
export function isRestParameter(id: ts.Identifier): boolean {
  for (let n = id.parent; n; n = n.parent) {
    if (!isFunctionNode(n)) continue;
    const p = n.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === id.text);
    if (p) return !!p.dotDotDotToken;
  }
  return false;
}

/** `Array.from(...)`, `Object.values(...)`: calls that make an array of everything at once. */
const ARRAY_FROM: Record<string, string[]> = {
  Array: ['from', 'of'],
  Object: ['values', 'keys', 'entries'],
};
/** Array methods that copy what they are called on into a new array. */
const COPIES = new Set([
  'map',
  'filter',
  'slice',
  'concat',
  'flat',
  'flatMap',
  'toSorted',
  'toReversed',
]);

/**
 * Is `expr` an array the code builds, as opposed to a fixed literal (`[1, 2]`) or an input: a
 * spread into a literal, `Array.from(...)`, a rest parameter, a copy of one of those (`.map`),
 * or a `const` first set to `[]` (which code then fills). Followed through `const`s of the
 * functions around it and through parameters bound by a followed call.
 */
export function builtArray(
  ctx: RuleContext,
  module: Module,
  expr: ts.Expression,
  env: Env,
  depth = 0,
  named = false,
): boolean {
  if (depth > MAX_HOPS) return false;
  const e = unwrap(expr);
  if (ts.isArrayLiteralExpression(e))
    return e.elements.some(ts.isSpreadElement) || (named && e.elements.length === 0);
  if (ts.isIdentifier(e)) {
    const local = localValue(module, e);
    if (local)
      return (
        !ts.isFunctionDeclaration(local) && builtArray(ctx, module, local, env, depth + 1, true)
      );
    const bound = env.get(e.text);
    if (bound && isParameterOfScope(e))
      return builtArray(ctx, bound.module, bound.expr, bound.env, depth + 1);
    return isRestParameter(e);
  }
  if (ts.isNewExpression(e))
    return ts.isIdentifier(e.expression) && globalName(e.expression, module.declared) === 'Array';
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) return globalName(callee, module.declared) === 'Array';
  const method = memberName(callee);
  const object = memberObject(callee);
  if (!object || !method) return false;
  const owner = globalName(object, module.declared);
  if (owner && ARRAY_FROM[owner]?.includes(method)) return true;
  return COPIES.has(method) && builtArray(ctx, module, object, env, depth + 1, named);
}
