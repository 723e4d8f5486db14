/** What kind of thing an export is: shared by the generator and iterator-class rules. */
import {
  type FunctionNode,
  globalName,
  isGenerator,
  memberObject,
  memberName,
  enclosingFunction,
  extendsSomething,
  hasModifier,
  isClass,
  isFunctionNode,
  propertyNameText,
  SK,
  ts,
  unwrap,
} from './ast.ts';
import { splitExportPath, type Found } from './exports.ts';
import type { Module } from './module.ts';
import {
  builtArray,
  isWrapper,
  localValue,
  madeByCalling,
  valueIn,
  type Env,
} from './producers.ts';
import { cannotVerify, missingExport, nameOf, type Issue, type RuleContext } from './rule.ts';

function kindOf(node: ts.Node): string | undefined {
  if (isClass(node)) return 'a class';
  if (ts.isObjectLiteralExpression(node)) return 'an object';
  if (ts.isArrayLiteralExpression(node)) return 'an array';
  if (ts.isCallExpression(node)) return 'a bound function (`.bind()` makes a plain function)';
  if (ts.isSourceFile(node)) return 'a module namespace';
  if (!isFunctionNode(node)) return undefined;
  const isAsync = hasModifier(node, SK.AsyncKeyword);
  if (ts.isArrowFunction(node)) return isAsync ? 'an async arrow function' : 'an arrow function';
  if (node.asteriskToken) return isAsync ? 'an async generator function' : 'a generator function';
  return isAsync ? 'an async function' : 'a plain function';
}

export function requireGenerator(ctx: RuleContext, name: string, wantAsync: boolean): Issue[] {
  const wanted = wantAsync ? 'an async generator function' : 'a generator function';
  const target = ctx.resolve(name);
  const last = splitExportPath(name).pop() ?? name;
  const isMember = splitExportPath(name).length > 1;
  const shape = isMember
    ? `${wantAsync ? 'async ' : ''}*${last}() { ... }`
    : `${wantAsync ? 'async function*' : 'function*'} ${last === 'default' ? '' : last}(...)`;
  const written = `export ${shape.replace(' (', '(')} { ... }`;
  if (target.kind === 'missing') return [missingExport(ctx, name, wanted)];
  if (target.kind === 'unknown') return [cannotVerify(ctx, name, target, wanted, written)];
  if (isWrapper(target.node)) return behindWrapper(ctx, name, target, wantAsync, written);
  const is = kindOf(target.node);
  if (!is)
    return [
      cannotVerify(
        ctx,
        name,
        {
          kind: 'unknown',
          why: `\`${target.node.getText(target.module.sf).slice(0, 40)}\``,
          module: target.module,
          node: target.node,
        },
        wanted,
        written,
      ),
    ];
  if (is === wanted) return inNameOnly(ctx, name, target.module, target.node as FunctionNode);
  return [notAGenerator(ctx, name, target.module, target.node, is, wantAsync, shape)];
}

function notAGenerator(
  ctx: RuleContext,
  name: string,
  module: Module,
  node: ts.Node,
  is: string,
  wantAsync: boolean,
  shape: string,
): Issue {
  const wanted = wantAsync ? 'an async generator function' : 'a generator function';
  const why = wantAsync
    ? 'An async generator awaits inside and queues overlapping next() calls for you; that is what this exercise is about'
    : 'A generator runs only as far as each next() asks, one value at a time; passing tests alone do not show that';
  return {
    module,
    node: nameOf(node),
    message:
      `\`${name}\` is ${is}, not ${wanted}. ${why}. ` +
      `Write it as \`${shape.replace(' (', '(')}\` and \`yield\` each value (README tasks, ${ctx.hint}).`,
  };
}

/**
 * An export that wraps a generator function (an arrow or function returning its call, `.bind`, a
 * Proxy) is honest when every call hands back a generator object made by a `function*`: that
 * one is judged. A wrapper returning anything else is not a generator; one the checker cannot
 * follow is unverifiable.
 */
function behindWrapper(
  ctx: RuleContext,
  name: string,
  target: Found,
  wantAsync: boolean,
  written: string,
): Issue[] {
  const wanted = wantAsync ? 'an async generator function' : 'a generator function';
  const made = madeByCalling(ctx, target.module, target.node);
  const lost = made.find((m) => m.kind === 'unknown');
  if (lost)
    return [
      cannotVerify(
        ctx,
        name,
        { ...lost, why: `a wrapper whose result comes from ${lost.why}` },
        `${wanted}, or a wrapper that returns what one makes`,
        written,
      ),
    ];
  const objectKind = wantAsync ? 'an async generator object' : 'a generator object';
  const wrong = made.flatMap((m) =>
    m.kind === 'other'
      ? [m.what]
      : m.kind === 'generator' && m.async !== wantAsync
        ? [m.async ? 'an async generator object' : 'a generator object']
        : [],
  );
  if (wrong.length) {
    const what = wrong[0]!;
    return [
      {
        module: target.module,
        node: nameOf(target.node),
        message:
          `\`${name}\` is a wrapper whose call gives ${what}, not ${objectKind} made by a ` +
          `${wantAsync ? 'async function*' : 'function*'}. Each call must hand back what a generator ` +
          `function makes, so that the values come one next() at a time. Write it as ` +
          `\`${written}\`, or return the call of one (README tasks, ${ctx.hint}).`,
      },
    ];
  }
  const seen = new Set<ts.Node>();
  return made.flatMap((m) => {
    if (m.kind !== 'generator' || seen.has(m.node)) return [];
    seen.add(m.node);
    return inNameOnly(ctx, name, m.module, m.node, m.env);
  });
}

export const hasMember = (members: readonly { name?: ts.PropertyName }[], name: string) =>
  members.some((m) => propertyNameText(m.name) === name);

/** Does what `[Symbol.iterator]()` returns have a next()? undefined when it cannot tell. */
export function returnsNext(
  ctx: RuleContext,
  module: Module,
  method: ts.Node,
): boolean | undefined {
  if (!ts.isMethodDeclaration(method) || method.asteriskToken) return undefined;
  const verdicts = module
    .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, method)
    .filter((r) => enclosingFunction(r) === method)
    .map((r): boolean | undefined => {
      const e = r.expression && unwrap(r.expression);
      if (!e || e.kind === SK.ThisKeyword) return false; // the class itself has no next()
      if (ts.isObjectLiteralExpression(e)) {
        return e.properties.some(ts.isSpreadAssignment)
          ? undefined
          : hasMember(e.properties, 'next');
      }
      if (!ts.isNewExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
      const t = ctx.resolveLocal(module, e.expression.text);
      if (t.kind !== 'found' || !isClass(t.node) || extendsSomething(t.node)) return undefined;
      return hasMember(t.node.members, 'next');
    });
  return verdicts.some((v) => v !== false) ? undefined : false;
}

/** Does `expr` make a hand-written iterator: an object with next(), or an instance of a class? */
export function handWritten(
  ctx: RuleContext,
  module: Module,
  expr: ts.Expression,
  depth = 0,
): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e))
    return hasMember(e.properties, 'next') || hasMember(e.properties, '[Symbol.iterator]');
  if (ts.isNewExpression(e)) {
    const t = ctx.resolveValue(module, e.expression);
    return (
      t.kind === 'found' &&
      isClass(t.node) &&
      !t.node.members.some((m) => isGenerator(m)) &&
      (hasMember(t.node.members, 'next') || hasMember(t.node.members, '[Symbol.iterator]'))
    );
  }
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const t = ctx.resolveValue(
      module,
      memberName(callee) === 'call' ? memberObjectOf(callee) : callee,
    );
    if (t.kind !== 'found' || !isFunctionNode(t.node) || isGenerator(t.node) || !t.node.body)
      return false;
    const body = t.node.body;
    if (!ts.isBlock(body)) return handWritten(ctx, t.module, body, depth + 1);
    return t.module
      .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, body)
      .some(
        (r) =>
          enclosingFunction(r) === t.node &&
          !!r.expression &&
          handWritten(ctx, t.module, r.expression, depth + 1),
      );
  }
  if (ts.isIdentifier(e)) {
    // A local `const it = makeIterator()` inside the generator.
    const fn = enclosingFunction(e);
    const decl =
      fn &&
      module
        .nodesWithin<ts.VariableDeclaration>(SK.VariableDeclaration, fn)
        .find((d) => ts.isIdentifier(d.name) && d.name.text === e.text && d.initializer);
    return !!decl && handWritten(ctx, module, decl.initializer!, depth + 1);
  }
  return false;
}

function memberObjectOf(e: ts.Expression): ts.Expression {
  return (e as ts.PropertyAccessExpression).expression;
}

/** What makes an iterator over an array: `yield* xs.values()` replays `xs`. */
const ITERATOR_MAKERS = new Set(['values', 'keys', 'entries', '[Symbol.iterator]']);

/**
 * Does `expr` only replay values made beforehand: a hand-written iterator, or an array built
 * before the first of them is handed out (`yield* values`, `yield* Array.from(...)`)? Followed
 * through parameters bound by a wrapper's call and through `const`s of the functions around it.
 */
function replays(
  ctx: RuleContext,
  module: Module,
  expr: ts.Expression,
  env: Env,
  depth = 0,
): boolean {
  if (depth > 6) return false;
  if (handWritten(ctx, module, expr) || builtArray(ctx, module, expr, env)) return true;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    // A local holding an iterator (`const it = all.values()`), or a parameter bound by the call.
    const local = localValue(module, e);
    if (local)
      return !ts.isFunctionDeclaration(local) && replays(ctx, module, local, env, depth + 1);
    const bound = env.get(e.text);
    return !!bound && replays(ctx, bound.module, bound.expr, bound.env, depth + 1);
  }
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  const method = memberName(callee);
  const object = memberObject(callee);
  if (object && method && ITERATOR_MAKERS.has(method)) return builtArray(ctx, module, object, env);
  // A plain function whose every result is such an array.
  const t = valueIn(ctx, module, method === 'call' && object ? object : callee, env);
  if (t.kind !== 'found' || !isFunctionNode(t.node) || isGenerator(t.node) || !t.node.body)
    return false;
  const body = t.node.body;
  const results = ts.isBlock(body)
    ? t.module
        .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, body)
        .filter((r) => enclosingFunction(r) === t.node)
        .map((r) => r.expression)
    : [body];
  return (
    results.length > 0 &&
    results.every((r) => !!r && replays(ctx, t.module, r, new Map(), depth + 1))
  );
}

/**
 * A `function*` whose only work is `yield*` over a hand-written iterator, or over an array built
 * beforehand, is a generator in name only: the values come from a next() written by hand, or
 * were all made before the first was asked for.
 */
function inNameOnly(
  ctx: RuleContext,
  name: string,
  module: Module,
  fn: FunctionNode,
  env: Env = new Map(),
): Issue[] {
  if (!fn.body) return [];
  const yields = module
    .nodesWithin<ts.YieldExpression>(SK.YieldExpression, fn.body)
    .filter((y) => enclosingFunction(y) === fn);
  if (!yields.length || yields.some((y) => !y.asteriskToken || !y.expression)) return [];
  if (!yields.every((y) => replays(ctx, module, y.expression!, env))) return [];
  return [
    {
      module,
      node: yields[0]!,
      message:
        `\`${name}\` is a generator in name only: its only work is \`yield*\` over an iterator ` +
        `written by hand or an array made beforehand, so the values do not come from a paused ` +
        `generator body, which is what this exercise is about. Move the loop into the ` +
        `generator and \`yield\` each value from there (${ctx.hint}).`,
    },
  ];
}
