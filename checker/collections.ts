/**
 * What counts as eager collection, for no-eager-collection: storing a number of values that grows
 * with the input. Two families:
 *
 * - drains: one expression that reads a whole iterable or allocates in proportion to the input
 *   (`[...it]`, `Array.from(it)`, `new Set(it)`, `new Float64Array(n)`, `'x'.repeat(n)`);
 * - growth: a write repeated by a loop, a recursion, a callback or an iterator method, into an
 *   array, typed array, object, string, Map or Set, however spelled (`a.push(x)`, `a[i] = x`,
 *   `a.splice(i, 0, x)`, `Reflect.apply(Array.prototype.push, a, [x])`, `s += x`, `m.set(k, v)`).
 *
 * Not eager: fixed-size literals, argument tuples (`[0, ...args]`), small lookup tables with
 * literal keys, a working stack or queue that shrinks in the same loop that grows it, and strings
 * built only for messages (thrown or logged).
 */
import {
  calledBy,
  constantsOf,
  constantString,
  enclosingFunction,
  globalName,
  isClass,
  isFunctionNode,
  propertyNameText,
  memberName,
  memberObject,
  SK,
  ts,
  unwrap,
} from './ast.ts';
import { ownerOf } from './exports.ts';
import type { Module } from './module.ts';
import { contains, within, type Part, type Scope } from './scope.ts';
import { declaredKind, valueKind } from './types.ts';

export type Eager = [Module, ts.Node, string];

/** A literal size up to this is a small fixed table, not a collection of the input. */
const SMALL = 4096;
const TYPED_ARRAYS = new Set(
  'Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array ArrayBuffer SharedArrayBuffer'.split(
    ' ',
  ),
);
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
  'concat',
  'toSorted',
  'toReversed',
  'toSpliced',
  'with',
]);
const OBJECT_LISTS = new Set(['keys', 'values', 'entries', 'getOwnPropertyNames']);
/** Methods that add to a collection: on an array, a Set or a Map. */
const GROWERS = new Set(['push', 'unshift', 'splice', 'add', 'set', 'append']);
/** Methods that take out of one: a collection that shrinks as it grows is a working stack. */
const SHRINKERS = new Set(['pop', 'shift', 'splice', 'delete', 'clear']);
const ITERATOR_METHODS = new Set(['next', 'return', 'throw']);
const LOOP_DEPTH = 64;

export function eagerCollections(scope: Scope): Eager[] {
  return [...drains(scope), ...growth(scope)];
}

// ---------------------------------------------------------------------------------------------
// Drains

/** `[...args]` of a rest parameter or `arguments` is a tuple of the call's arguments. */
function isArgumentList(m: Module, e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u) || ts.isStringLiteralLike(u)) return true;
  if (ts.isConditionalExpression(u))
    return isArgumentList(m, u.whenTrue) && isArgumentList(m, u.whenFalse);
  if (!ts.isIdentifier(u)) return false;
  if (u.text === 'arguments') return true;
  if (
    m
      .nodes<ts.ParameterDeclaration>(SK.Parameter)
      .some((p) => !!p.dotDotDotToken && ts.isIdentifier(p.name) && p.name.text === u.text)
  )
    return true;
  // `const [head, ...rest] = args`: the rest of an argument list is still one.
  return m
    .nodes<ts.BindingElement>(SK.BindingElement)
    .some(
      (b) =>
        !!b.dotDotDotToken &&
        ts.isIdentifier(b.name) &&
        b.name.text === u.text &&
        restSource(b) !== undefined &&
        isArgumentList(m, restSource(b)!),
    );
}

/** What `[a, ...rest] = source` destructures. */
function restSource(b: ts.BindingElement): ts.Expression | undefined {
  const pattern = b.parent;
  const decl = pattern.parent;
  return ts.isArrayBindingPattern(pattern) && ts.isVariableDeclaration(decl)
    ? decl.initializer
    : undefined;
}

const isSmallLiteral = (e: ts.Expression | undefined) => {
  const u = e && unwrap(e);
  return !!u && ts.isNumericLiteral(u) && Number(u.text) <= SMALL;
};

/** `new Map([['a', 1]])`: a literal table with no spread is fixed. */
const isFixedTable = (e: ts.Expression | undefined) => {
  const u = e && unwrap(e);
  return !!u && ts.isArrayLiteralExpression(u) && !u.elements.some(ts.isSpreadElement);
};

function* drains(scope: Scope): Generator<Eager> {
  for (const [m, s] of within<ts.SpreadElement>(scope, SK.SpreadElement)) {
    if (isArgumentList(m, s.expression)) continue;
    // `f(...args)` passes arguments on; only spreading the input or a fresh call drains it.
    const inCall = ts.isCallExpression(s.parent) || ts.isNewExpression(s.parent);
    const e = unwrap(s.expression);
    const drainsInput =
      ts.isCallExpression(e) ||
      (ts.isIdentifier(e) &&
        m
          .nodes<ts.ParameterDeclaration>(SK.Parameter)
          .some((p) => ts.isIdentifier(p.name) && p.name.text === e.text));
    if (!inCall || drainsInput) yield [m, s, `The spread \`...\``];
  }
  // `const [...all] = it` drains `it` as surely as `[...it]`.
  for (const [m, b] of within<ts.BindingElement>(scope, SK.BindingElement)) {
    const source = b.dotDotDotToken ? restSource(b) : undefined;
    if (source && !isArgumentList(m, source)) yield [m, b, 'The rest pattern `[...rest] =`'];
  }
  for (const kind of [SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
    for (const [m, access] of within<ts.Node>(scope, kind)) {
      const name = memberName(access) ?? '';
      const owner = globalName(memberObject(access)!, m.declared) ?? '';
      const call = calledBy(access);
      if (name === 'from' && (owner === 'Array' || TYPED_ARRAYS.has(owner))) {
        const first = call?.arguments?.[0];
        const arg = first && unwrap(first);
        const fixed =
          !!arg &&
          ts.isObjectLiteralExpression(arg) &&
          arg.properties.every((p) => ts.isPropertyAssignment(p) && isSmallLiteral(p.initializer));
        if (!fixed) yield [m, access, `\`${owner}.from\``];
      } else if (owner === 'Object' && name === 'fromEntries') {
        yield [m, access, '`Object.fromEntries`'];
      } else if (name === 'toArray' && call) {
        yield [m, access, '`.toArray()`'];
      } else if ((name === 'repeat' || name === 'padStart' || name === 'padEnd') && call) {
        if (!isSmallLiteral(call.arguments?.[0])) yield [m, access, `\`.${name}()\``];
      } else if (name === 'split' && call) {
        const object = unwrap(memberObject(access)!);
        if (!ts.isStringLiteralLike(object)) yield [m, access, '`.split()`'];
      } else if ((name === 'push' || name === 'unshift' || name === 'splice') && !call) {
        // `const add = xs.push.bind(xs)`, `Array.prototype.push.call(xs, x)`: an array grown out
        // of sight of the write detector.
        const p = access.parent;
        const viaCall = ts.isPropertyAccessExpression(p) && ['call', 'apply'].includes(p.name.text);
        const viaReflect = ts.isCallExpression(p) && memberName(unwrap(p.expression)) === 'apply';
        if (!viaCall && !viaReflect) yield [m, access, `\`.${name}\` taken off its array`];
      }
    }
  }
  for (const kind of [SK.CallExpression, SK.NewExpression]) {
    for (const [m, call] of within<ts.CallExpression | ts.NewExpression>(scope, kind)) {
      const callee = globalName(unwrap(call.expression), m.declared) ?? '';
      const args = call.arguments ?? [];
      const arg = args[0];
      if (!arg) continue;
      if (callee === 'Array' && !(args.length === 1 ? isSmallLiteral(arg) : true))
        yield [m, call, '`Array(n)`'];
      else if (TYPED_ARRAYS.has(callee) && !isSmallLiteral(arg) && !isFixedTable(arg))
        yield [m, call, `\`new ${callee}(...)\``];
      else if (
        ts.isNewExpression(call) &&
        (callee === 'Map' || callee === 'Set') &&
        !isFixedTable(arg)
      )
        yield [m, call, `\`new ${callee}(...)\``];
    }
  }
  yield* iteratedArrayCalls(scope);
}

/** `yield* xs.map(f)`, `for (const k of Object.keys(o))`: a whole array made, then walked. */
function* iteratedArrayCalls(scope: Scope): Generator<Eager> {
  for (const [m, call] of within<ts.CallExpression>(scope, SK.CallExpression)) {
    const p = call.parent;
    const iterated =
      (ts.isYieldExpression(p) && !!p.asteriskToken) ||
      (ts.isForOfStatement(p) && p.expression === call) ||
      (ts.isForInStatement(p) && p.expression === call);
    if (!iterated) continue;
    const callee = unwrap(call.expression);
    const name = memberName(callee) ?? '';
    const object = memberObject(callee);
    const owner = object && globalName(object, m.declared);
    if (
      owner === 'Object' || owner === 'Reflect'
        ? OBJECT_LISTS.has(name) || name === 'ownKeys'
        : ARRAY_MAKERS.has(name) && !(object && learnersMethod(m, object, name))
    ) {
      yield [m, call, `Iterating the array \`.${name}()\` builds`];
    }
  }
}

/**
 * `this.flat(...)` in a class or object that declares `flat`, `ops.map(...)` for a module-level
 * object or class declaring `map`: the learner's own method, not the array method of that name.
 */
function learnersMethod(m: Module, object: ts.Expression, name: string): boolean {
  const declares = (owner: ts.Node | undefined) =>
    !!owner &&
    (isClass(owner) || ts.isObjectLiteralExpression(owner)) &&
    (isClass(owner) ? owner.members : owner.properties).some(
      (member) => propertyNameText(member.name) === name,
    );
  if (object.kind === SK.ThisKeyword) return declares(ownerOf(object));
  if (!ts.isIdentifier(object)) return false;
  const init = m.initializers.get(object.text);
  if (init) return declares(unwrap(init));
  return m
    .nodes<ts.ClassDeclaration>(SK.ClassDeclaration)
    .some((c) => c.name?.text === object.text && declares(c));
}

// ---------------------------------------------------------------------------------------------
// Growth

interface Write {
  module: Module;
  node: ts.Node;
  /** The collection written to, as text: `xs`, `this.buf`. */
  target: string;
  what: string;
  /** A string that grows: exempt when it only feeds a message. */
  isString?: boolean;
}

/** `xs`, `this.buf`, `state.items`: a stable name for the collection a write goes to. */
function keyOf(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return u.text;
  if (u.kind === SK.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(u)) {
    const base = keyOf(u.expression);
    return base && `${base}.${u.name.text}`;
  }
  return undefined;
}

/** An index that names a fixed slot: a literal, a constant, `xs.length - 1`, `i % k`. */
function isFixedIndex(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isNumericLiteral(u) || constantString(u) !== undefined) return true;
  if (ts.isPropertyAccessExpression(u) && u.name.text === 'length') return false;
  if (ts.isBinaryExpression(u)) {
    const op = u.operatorToken.kind;
    if (op === SK.PercentToken || op === SK.AmpersandToken) return true;
    if (op === SK.MinusToken && ts.isPropertyAccessExpression(unwrap(u.left))) return true;
  }
  if (ts.isPropertyAccessExpression(u) && u.expression.kind !== SK.ThisKeyword) {
    // `Symbol.iterator` and the like.
    return ts.isIdentifier(u.expression) && u.expression.text === 'Symbol';
  }
  return false;
}

const isAssignment = (op: ts.SyntaxKind) => op >= SK.FirstAssignment && op <= SK.LastAssignment;

/**
 * `mean.add(x)` on the learner's own object: a method of theirs, not a Set's. Known when the
 * receiver is made by `new` of a class of theirs, or when only their code declares that method.
 */
function ownMethod(scope: Scope, m: Module, receiver: ts.Expression, name: string): boolean {
  const r = unwrap(receiver);
  const init = ts.isIdentifier(r) ? m.initializers.get(r.text) : undefined;
  const made = init && unwrap(init);
  if (made && (ts.isArrayLiteralExpression(made) || ts.isNewExpression(made))) {
    if (ts.isArrayLiteralExpression(made)) return false;
    const ctor = globalName(unwrap(made.expression), m.declared);
    if (ctor) return false; // new Set(), new Map(), new Array()
    return true;
  }
  return scope.some(({ module }) =>
    [SK.MethodDeclaration, SK.PropertyAssignment, SK.PropertyDeclaration].some((kind) =>
      module.nodes<ts.MethodDeclaration>(kind).some((d) => propertyNameText(d.name) === name),
    ),
  );
}

function* writes(scope: Scope): Generator<Write> {
  for (const [m, call] of within<ts.CallExpression>(scope, SK.CallExpression)) {
    const callee = unwrap(call.expression);
    const name = memberName(callee) ?? '';
    const object = memberObject(callee);
    const owner = object && globalName(object, m.declared);
    if (GROWERS.has(name) && object && !owner && !ownMethod(scope, m, object, name)) {
      if (name === 'splice' && call.arguments.length < 3) continue;
      if (
        (name === 'set' || name === 'add') &&
        call.arguments[0] &&
        isFixedIndex(call.arguments[0])
      )
        continue; // a fixed key: a table, not a store
      yield { module: m, node: callee, target: keyOf(object) ?? '?', what: `\`.${name}()\`` };
      continue;
    }
    // `Reflect.apply(Array.prototype.push, xs, [x])`, `Array.prototype.push.call(xs, x)`.
    if (owner === 'Reflect' && name === 'apply') {
      const fn = call.arguments[0] && unwrap(call.arguments[0]);
      if (fn && GROWERS.has(memberName(fn) ?? ''))
        yield {
          module: m,
          node: call,
          target: keyOf(call.arguments[1]) ?? '?',
          what: '`Reflect.apply`',
        };
    } else if (
      (name === 'call' || name === 'apply') &&
      object &&
      GROWERS.has(memberName(object) ?? '')
    ) {
      yield {
        module: m,
        node: call,
        target: keyOf(call.arguments[0]) ?? '?',
        what: `\`.${name}()\``,
      };
    } else if (
      (owner === 'Reflect' && name === 'set') ||
      (owner === 'Object' && name === 'defineProperty')
    ) {
      const key = call.arguments[1];
      if (key && !isFixedIndex(key))
        yield {
          module: m,
          node: call,
          target: keyOf(call.arguments[0]) ?? '?',
          what: `\`${owner}.${name}\``,
        };
    } else if (owner === 'Object' && name === 'assign') {
      const source = call.arguments[1] && unwrap(call.arguments[1]);
      const computed =
        !!source &&
        (!ts.isObjectLiteralExpression(source) ||
          source.properties.some(
            (p) =>
              ts.isSpreadAssignment(p) ||
              (p.name !== undefined &&
                ts.isComputedPropertyName(p.name) &&
                !isFixedIndex(p.name.expression)),
          ));
      if (computed)
        yield {
          module: m,
          node: call,
          target: keyOf(call.arguments[0]) ?? '?',
          what: '`Object.assign`',
        };
    }
  }
  for (const [m, b] of within<ts.BinaryExpression>(scope, SK.BinaryExpression)) {
    const op = b.operatorToken.kind;
    if (!isAssignment(op)) continue;
    const left = unwrap(b.left);
    if (ts.isElementAccessExpression(left)) {
      if (!isFixedIndex(left.argumentExpression))
        yield {
          module: m,
          node: left,
          target: keyOf(left.expression) ?? '?',
          what: 'Writing by index',
        };
      continue;
    }
    const target = keyOf(left);
    if (!target) continue;
    const right = unwrap(b.right);
    if (op === SK.PlusEqualsToken) {
      const declared = declaredKind(m, left);
      if (declared === 'number' || (!declared && declaredKind(m, right) === 'number')) continue;
      // The type checker is costly: ask it only about a value later read piece by piece.
      if (!declared && !readAsText(m, target, b)) continue;
      const kind = declared ?? valueKind(m, left);
      if (kind === 'string' || kind === 'array')
        yield { module: m, node: b, target, what: '`+=`', isString: kind === 'string' };
    } else if (op === SK.EqualsToken) {
      // `s = s + x`, `s = \`${s}${x}\``, `xs = xs.concat(x)`, `o = { ...o, [k]: v }`.
      const selfRef = (e: ts.Node): boolean =>
        keyOf(e as ts.Expression) === target ||
        !!ts.forEachChild(e, (c) => (selfRef(c) ? true : undefined));
      if (!selfRef(right) || keyOf(right) === target) continue;
      if (ts.isObjectLiteralExpression(right) && right.properties.some(ts.isSpreadAssignment)) {
        yield { module: m, node: b, target, what: 'Spreading an object into itself' };
        continue;
      }
      const concat =
        ts.isCallExpression(right) && memberName(unwrap(right.expression)) === 'concat';
      const joins =
        concat ||
        ts.isTemplateExpression(right) ||
        (ts.isBinaryExpression(right) && right.operatorToken.kind === SK.PlusToken);
      if (!joins) continue;
      const kind = declaredKind(m, left) ?? valueKind(m, left);
      if (kind === 'string' || kind === 'array')
        yield {
          module: m,
          node: b,
          target,
          what: concat ? '`.concat()`' : 'Joining onto itself',
          isString: kind === 'string',
        };
    }
  }
}

/** Is `target` read piece by piece (`s.split`, `s[i]`, `for (c of s)`, `...s`) in its function? */
function readAsText(m: Module, target: string, at: ts.Node): boolean {
  const fn = enclosingFunction(at) ?? m.sf;
  return m.nodesWithin<ts.Identifier>(SK.Identifier, fn).some((id) => {
    if (id.text !== target) return false;
    const p = id.parent;
    return (
      ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) &&
        p.expression === id) ||
      ts.isSpreadElement(p) ||
      (ts.isForOfStatement(p) && p.expression === id) ||
      (ts.isYieldExpression(p) && !!p.asteriskToken)
    );
  });
}

/** The part of the scope a node lies in. */
function partOf(scope: Scope, m: Module, node: ts.Node): Part | undefined {
  return scope.find((p) => p.module === m && contains(p.node, node));
}

const isLoop = (n: ts.Node) =>
  ts.isForStatement(n) ||
  ts.isForOfStatement(n) ||
  ts.isForInStatement(n) ||
  ts.isWhileStatement(n) ||
  ts.isDoStatement(n);

/** `for (const name of ['next', 'throw'])`, or of a `const` holding such a literal: bounded. */
function overFixedTable(m: Module, loop: ts.Node): boolean {
  if (!ts.isForOfStatement(loop) && !ts.isForInStatement(loop)) return false;
  let e = unwrap(loop.expression);
  if (ts.isIdentifier(e)) {
    const init = constantsOf.get(m.sf)?.get(e.text);
    if (!init) return false;
    e = unwrap(init);
    if (ts.isCallExpression(e) && memberName(unwrap(e.expression)) === 'freeze' && e.arguments[0])
      e = unwrap(e.arguments[0]);
  }
  return (
    (ts.isArrayLiteralExpression(e) && !e.elements.some(ts.isSpreadElement)) ||
    (ts.isObjectLiteralExpression(e) && !e.properties.some(ts.isSpreadAssignment))
  );
}

/** The name a function is known by: `function f`, `const f = () => ...`, a method `f() {}`. */
function nameOfFunction(fn: ts.Node): string | undefined {
  const own = (fn as { name?: ts.Node }).name;
  if (own && ts.isIdentifier(own)) return own.text;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/**
 * Where a node runs again and again: the innermost loop around it, or the function it is in when
 * that function is a callback, a method (an iterator's next() runs once per value), recursive, or
 * called from such a place. Undefined when it runs once per call of the export.
 */
function repeatedContext(scope: Scope, m: Module, node: ts.Node, depth = 0): ts.Node | undefined {
  if (depth > LOOP_DEPTH) return undefined;
  const root = partOf(scope, m, node)?.node;
  for (let n = node.parent; n && n !== root?.parent; n = n.parent) {
    if (isLoop(n) && !overFixedTable(m, n)) return n;
    if (!(
      isFunctionNode(n) ||
      ts.isGetAccessor(n) ||
      ts.isSetAccessor(n) ||
      ts.isConstructorDeclaration(n)
    ))
      continue;
    if (ts.isConstructorDeclaration(n) || ts.isGetAccessor(n)) continue; // once per object
    const p = n.parent;
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      const isPromise =
        ts.isNewExpression(p) && globalName(unwrap(p.expression), m.declared) === 'Promise';
      if (!isPromise && p.expression !== n) return n; // a callback
    }
    // An iterator's methods run once per value; other methods once per call, like functions.
    const member = ts.isMethodDeclaration(n)
      ? n
      : ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)
        ? p
        : undefined;
    if (member && ITERATOR_METHODS.has(propertyNameText(member.name) ?? '')) return n;
    // A closure handed back to the caller (`return (x) => kept[i++] = x`) runs as often as the
    // caller likes: its call sites are out of sight.
    if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === n)) return n;
    const name = nameOfFunction(n);
    if (!name) continue;
    // Recursive, or called from a repeated place elsewhere in the scope.
    for (const [um, id] of within<ts.Identifier>(scope, SK.Identifier)) {
      if (id.text !== name || id === (n as { name?: ts.Node }).name) continue;
      if (ts.isVariableDeclaration(id.parent) && id.parent.name === id) continue;
      if (um === m && contains(n, id)) return n;
      if (repeatedContext(scope, um, id, depth + 1)) return n;
    }
  }
  return undefined;
}

/** Does the collection `target` shrink inside `context` (a working stack or queue)? */
function shrinksWithin(m: Module, target: string, context: ts.Node): boolean {
  for (const call of m.nodesWithin<ts.CallExpression>(SK.CallExpression, context)) {
    const callee = unwrap(call.expression);
    const name = memberName(callee) ?? '';
    if (!SHRINKERS.has(name) || keyOf(memberObject(callee)) !== target) continue;
    if (name !== 'splice' || (call.arguments[1] && !isZero(call.arguments[1]))) return true;
  }
  for (const b of m.nodesWithin<ts.BinaryExpression>(SK.BinaryExpression, context)) {
    if (!isAssignment(b.operatorToken.kind)) continue;
    const left = unwrap(b.left);
    if (keyOf(left) === `${target}.length`) return true;
    // Reset to a fresh empty collection, or a string cut down.
    const right = unwrap(b.right);
    if (keyOf(left) === target && (isEmpty(right) || isCut(right, target))) return true;
  }
  for (const d of m.nodesWithin<ts.DeleteExpression>(SK.DeleteExpression, context)) {
    if (keyOf(memberObject(unwrap(d.expression))) === target) return true;
  }
  for (const u of m.nodesWithin<ts.PostfixUnaryExpression>(SK.PostfixUnaryExpression, context)) {
    if (keyOf(u.operand) === `${target}.length` && u.operator === SK.MinusMinusToken) return true;
  }
  return false;
}

const isZero = (e: ts.Expression) =>
  ts.isNumericLiteral(unwrap(e)) && Number((unwrap(e) as ts.NumericLiteral).text) === 0;
function isEmpty(e: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(e)) return e.elements.length === 0;
  if (ts.isStringLiteralLike(e)) return e.text === '';
  if (ts.isObjectLiteralExpression(e)) return e.properties.length === 0;
  return ts.isNewExpression(e) && !e.arguments?.length;
}
/** `s = s.slice(1)`: a string that is eaten as it grows. */
function isCut(e: ts.Expression, target: string): boolean {
  return (
    ts.isCallExpression(e) &&
    ['slice', 'substring', 'substr'].includes(memberName(unwrap(e.expression)) ?? '') &&
    keyOf(memberObject(unwrap(e.expression))) === target
  );
}

/**
 * A string only thrown or logged: `throw new Error(msg)`, `log(msg)`. Such strings describe
 * values; they are not where values are kept.
 */
function onlyAMessage(m: Module, target: string, fn: ts.Node | undefined): boolean {
  if (!fn || target.includes('.')) return false;
  const reads = m
    .nodesWithin<ts.Identifier>(SK.Identifier, fn)
    .filter((id) => id.text === target && !isWrittenHere(id));
  return (
    reads.length > 0 &&
    reads.every((id) => {
      for (let n: ts.Node = id; n && n !== fn; n = n.parent) {
        if (ts.isThrowStatement(n)) return true;
        if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n !== id.parent) {
          const callee = unwrap(n.expression);
          const name = ts.isIdentifier(callee) ? callee.text : (memberName(callee) ?? '');
          if (/Error$|^(log|warn|error|info|debug|trace)$/.test(name)) return true;
        }
      }
      return false;
    })
  );
}

function isWrittenHere(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isVariableDeclaration(p) && p.name === id) return true;
  if (ts.isBinaryExpression(p) && p.left === id && isAssignment(p.operatorToken.kind)) return true;
  // `s = s + x`: the read on the right is part of the write.
  for (let n: ts.Node = id; n; n = n.parent) {
    if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind))
      return keyOf(n.left) === id.text;
    if (ts.isStatement(n)) break;
  }
  return false;
}

function* growth(scope: Scope): Generator<Eager> {
  for (const w of writes(scope)) {
    const context = repeatedContext(scope, w.module, w.node);
    if (!context) continue;
    if (w.target !== '?' && shrinksWithin(w.module, w.target, context)) continue;
    if (w.isString && onlyAMessage(w.module, w.target, enclosingFunction(w.node))) continue;
    yield [w.module, w.node, `${w.what} in a loop`];
  }
}
