/**
 * What counts as building a collection, for no-eager-collection. Each detector looks at one
 * shape in the tree; together they list `[module, node, description]` for every eager build.
 */
import { calledBy, globalName, memberName, memberObject, SK, ts, unwrap } from './ast.ts';
import type { Module } from './module.ts';
import { contains, within, type Scope } from './scope.ts';

export type Eager = [Module, ts.Node, string];

const GROWERS = new Set(['push', 'unshift', 'concat', 'toArray']);
/** Methods that return a fresh array of everything (on an array or a string). */
const ARRAY_MAKERS = new Set([
  'map',
  'filter',
  'slice',
  'split',
  'flat',
  'flatMap',
  'sort',
  'reverse',
  'fill',
]);
const OBJECT_LISTS = new Set(['keys', 'values', 'entries']);
const ITERATING_METHODS = new Set(['values', 'keys', 'entries', 'forEach', '[Symbol.iterator]']);

export function eagerCollections(scope: Scope): Eager[] {
  return [
    ...arrayLiterals(scope),
    ...arrayBuilders(scope),
    ...constructors(scope),
    ...iteratedArrayCalls(scope),
    ...filledThenIterated(scope),
  ];
}

/** A fixed tuple (`yield [i, x]`, `const [a, b] = [x, y]`) is not a collection; a spread is. */
function* arrayLiterals(scope: Scope): Generator<Eager> {
  for (const [m, a] of within<ts.ArrayLiteralExpression>(scope, SK.ArrayLiteralExpression)) {
    const y = a.parent;
    const delegated = ts.isYieldExpression(y) && !!y.asteriskToken && a.elements.length > 0;
    if (delegated || a.elements.some(ts.isSpreadElement)) yield [m, a, 'This array literal'];
  }
}

/** `Array.from`, `Array.of` (called or not), and `.push()`-like calls that grow an array. */
function* arrayBuilders(scope: Scope): Generator<Eager> {
  for (const kind of [SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
    for (const [m, access] of within<ts.Node>(scope, kind)) {
      const name = memberName(access) ?? '';
      if (
        (name === 'from' || name === 'of') &&
        globalName(memberObject(access)!, m.declared) === 'Array'
      ) {
        yield [m, access, `\`Array.${name}\``];
      } else if (GROWERS.has(name) && calledBy(access)) {
        yield [m, access, `\`.${name}()\``];
      }
    }
  }
}

/** `Array(n)`, `new Array(n)`, `new Map(entries)`, `new Set(iterable)`: all drain or allocate. */
function* constructors(scope: Scope): Generator<Eager> {
  for (const kind of [SK.CallExpression, SK.NewExpression]) {
    for (const [m, call] of within<ts.CallExpression | ts.NewExpression>(scope, kind)) {
      const callee = globalName(unwrap(call.expression), m.declared);
      if (!call.arguments?.length) continue;
      if (callee === 'Array') yield [m, call, '`Array(...)`'];
      else if (ts.isNewExpression(call) && (callee === 'Map' || callee === 'Set'))
        yield [m, call, `\`new ${callee}(...)\``];
    }
  }
}

/** `yield* xs.map(f)`, `for (const k of Object.keys(o))`: a whole array made, then walked. */
function* iteratedArrayCalls(scope: Scope): Generator<Eager> {
  for (const [m, call] of within<ts.CallExpression>(scope, SK.CallExpression)) {
    const p = call.parent;
    const iterated =
      (ts.isYieldExpression(p) && !!p.asteriskToken) ||
      (ts.isForOfStatement(p) && p.expression === call) ||
      ts.isSpreadElement(p);
    if (!iterated) continue;
    const callee = unwrap(call.expression);
    const name = memberName(callee) ?? '';
    const object = memberObject(callee);
    const owner = object && globalName(object, m.declared);
    if (owner === 'Object' ? OBJECT_LISTS.has(name) : ARRAY_MAKERS.has(name)) {
      yield [m, call, `Iterating the array \`.${name}()\` builds`];
    }
  }
}

function isIterated(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isForOfStatement(p) || ts.isSpreadElement(p)) return true;
  if (ts.isYieldExpression(p)) return !!p.asteriskToken;
  if (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) {
    return p.expression === id && ITERATING_METHODS.has(memberName(p) ?? '') && !!calledBy(p);
  }
  return false;
}

/**
 * A Map or Set filled with `.set`/`.add` and then iterated is an array in disguise. One only
 * consulted (`seen.has(x)` to skip repeats) is not: it holds what was seen, not what is to come.
 */
function* filledThenIterated(scope: Scope): Generator<Eager> {
  for (const [m, decl] of within<ts.VariableDeclaration>(scope, SK.VariableDeclaration)) {
    const init = decl.initializer && unwrap(decl.initializer);
    if (!ts.isIdentifier(decl.name) || !init || !ts.isNewExpression(init)) continue;
    const ctor = globalName(unwrap(init.expression), m.declared);
    if (ctor !== 'Map' && ctor !== 'Set') continue;
    const name = decl.name.text;
    const region = scope.find((p) => p.module === m && contains(p.node, decl))!.node;
    const uses = m
      .nodesWithin<ts.Identifier>(SK.Identifier, region)
      .filter((id) => id.text === name);
    if (!uses.some(isIterated)) continue;
    for (const id of uses) {
      const access = id.parent as ts.Node & { expression?: ts.Node };
      const method = access.expression === id ? memberName(access) : undefined;
      if ((method === 'add' || method === 'set') && calledBy(access))
        yield [m, access, `Filling a ${ctor} to iterate later with \`.${method}()\``];
    }
  }
}
