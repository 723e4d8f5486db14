/**
 * Finds what an export name stands for, however it is exported: `export function*`,
 * `export const x = ...`, destructuring (`export const { a, b } = ...`), `export default`,
 * `export =`, `export { x as y }`, a re-export or namespace from a sibling file, an import passed
 * on, a member (`Ops.range`, `Range[Symbol.iterator]`) of an exported object or class, `.bind()`,
 * `Object.freeze()`, and a call to a local function that returns one of these. When the code does
 * something this module does not follow, the answer is `unknown` with the reason, and the rules
 * report it as unverifiable rather than pass it or accuse it.
 */
import {
  extendsSomething,
  hasModifier,
  isClass,
  isFunctionNode,
  isGenerator,
  propertyNameText,
  SK,
  ts,
  unwrap,
  memberName,
  memberObject,
} from './ast.ts';
import type { Module } from './module.ts';

export type Found = { kind: 'found'; module: Module; node: ts.Node };
export type Unknown = {
  kind: 'unknown';
  /** What the checker could not follow, as a phrase: "a call to `keep(...)`". */
  why: string;
  module?: Module;
  node?: ts.Node;
};
export type Target = Found | { kind: 'missing' } | Unknown;

/** Loads a file named by a relative specifier; undefined when it cannot be used. */
export type Loader = (from: Module, specifier: string) => Module | undefined;

const MISSING: Target = { kind: 'missing' };
const unknown = (why: string, module?: Module, node?: ts.Node): Unknown => ({
  kind: 'unknown',
  why,
  module,
  node,
});

/** Source text of a node, shortened for a message. */
export function snippet(module: Module, node: ts.Node): string {
  const text = node.getText(module.sf).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** `Range[Symbol.iterator]` → [`Range`, `[Symbol.iterator]`]; `Ops.prototype.x` → [`Ops`, `x`]. */
export function splitExportPath(path: string): string[] {
  return (path.match(/\[[^\]]+\]|[^.[\]]+/g) ?? []).filter((p) => p !== 'prototype');
}

export function resolveExport(load: Loader, module: Module, path: string): Target {
  const [head, ...members] = splitExportPath(path);
  if (!head) return unknown(`an empty export name`);
  let target = exported(load, module, head, new Set());
  for (const m of members)
    target = target.kind === 'found' ? member(load, target, m, true) : target;
  return target;
}

/** Does this file export through CommonJS (`module.exports`, `exports.x`)? */
function usesCommonJs(mod: Module): boolean {
  return mod
    .nodes<ts.Identifier>(SK.Identifier)
    .some(
      (id) =>
        (id.text === 'exports' || id.text === 'module') &&
        !mod.declared.has(id.text) &&
        ts.isPropertyAccessExpression(id.parent) &&
        id.parent.expression === id,
    );
}

function exported(load: Loader, mod: Module, name: string, seen: Set<string>): Target {
  const key = `${mod.path}#export:${name}`;
  if (seen.has(key)) return unknown(`an export that refers back to itself`, mod);
  seen.add(key);
  const stars: [Module | undefined, ts.Node][] = [];
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
      found = declared(load, mod, st, name, seen) ?? found;
    } else if (ts.isExportAssignment(st)) {
      if (st.isExportEquals) {
        // `export = obj`: its members are the named exports, and it is the default one.
        const whole = valueOf(load, mod, st.expression, seen);
        found = name === 'default' || whole.kind !== 'found' ? whole : member(load, whole, name);
      } else if (name === 'default') found = valueOf(load, mod, st.expression, seen);
    } else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
      const from = st.moduleSpecifier;
      const sibling = from && ts.isStringLiteral(from) ? load(mod, from.text) : undefined;
      const unreadable = () =>
        unknown(`taken from ${from!.getText(mod.sf)}, which the checker cannot read`, mod, st);
      if (!st.exportClause) {
        stars.push([sibling, st]);
      } else if (ts.isNamespaceExport(st.exportClause)) {
        if (st.exportClause.name.text === name)
          found = sibling ? { kind: 'found', module: sibling, node: sibling.sf } : unreadable();
      } else {
        for (const el of st.exportClause.elements) {
          if (el.isTypeOnly || el.name.text !== name) continue;
          const local = (el.propertyName ?? el.name).text;
          if (from) found = sibling ? exported(load, sibling, local, seen) : unreadable();
          else found = binding(load, mod, local, seen);
        }
      }
    }
  }
  if (found) return found;
  if (name !== 'default') {
    // `export *` never passes a default on.
    for (const [s, st] of stars) {
      if (!s)
        return unknown(
          `re-exported with \`${snippet(mod, st)}\` from a file the checker cannot read`,
          mod,
          st,
        );
      const t = exported(load, s, name, seen);
      if (t.kind !== 'missing') return t;
    }
  }
  if (usesCommonJs(mod)) return unknown('exported through CommonJS (`module.exports`)', mod);
  return MISSING;
}

/** The value a variable statement gives `name`, destructuring included; undefined if not there. */
function declared(
  load: Loader,
  mod: Module,
  st: ts.VariableStatement,
  name: string,
  seen: Set<string>,
): Target | undefined {
  for (const d of st.declarationList.declarations) {
    const t = fromPattern(
      load,
      mod,
      d.name,
      () => valueOf(load, mod, d.initializer, seen, d),
      name,
    );
    if (t) return t;
  }
  return undefined;
}

/** Follows `name` through a binding pattern: `{ a, b: c }`, `[x, y]`, nested. */
function fromPattern(
  load: Loader,
  mod: Module,
  pattern: ts.BindingName,
  value: () => Target,
  name: string,
): Target | undefined {
  if (ts.isIdentifier(pattern)) return pattern.text === name ? value() : undefined;
  for (const [i, el] of pattern.elements.entries()) {
    if (ts.isOmittedExpression(el)) continue;
    const part = (): Target => {
      const whole = value();
      if (whole.kind !== 'found') return whole;
      if (el.dotDotDotToken) return unknown('gathered with a rest pattern (`...`)', mod, el);
      if (ts.isArrayBindingPattern(pattern)) return element(load, whole, i, mod, el);
      const key = el.propertyName
        ? propertyNameText(el.propertyName)
        : (el.name as ts.Identifier).text;
      return key === undefined
        ? unknown('a computed property name', mod, el)
        : member(load, whole, key);
    };
    const t = fromPattern(load, mod, el.name, part, name);
    if (t) return t;
  }
  return undefined;
}

/** The i-th element of an array literal. */
function element(load: Loader, whole: Found, i: number, mod: Module, at: ts.Node): Target {
  const node = whole.node;
  if (!ts.isArrayLiteralExpression(node) || node.elements.slice(0, i + 1).some(ts.isSpreadElement))
    return unknown('taken from something other than a plain array literal', mod, at);
  const e = node.elements[i];
  return e ? valueOf(load, whole.module, e, new Set()) : MISSING;
}

/** What a module-level name is bound to, following imports from other files. */
function binding(load: Loader, mod: Module, name: string, seen: Set<string>): Target {
  const key = `${mod.path}#local:${name}`;
  if (seen.has(key)) return unknown(`\`${name}\`, defined in terms of itself`, mod);
  seen.add(key);
  let found: Target | undefined;
  for (const st of mod.sf.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name) {
      if (!ts.isFunctionDeclaration(st) || st.body)
        found = { kind: 'found', module: mod, node: st };
    } else if (ts.isVariableStatement(st)) {
      found = declared(load, mod, st, name, seen) ?? found;
    } else if (
      ts.isImportDeclaration(st) &&
      st.importClause &&
      ts.isStringLiteral(st.moduleSpecifier)
    ) {
      const clause = st.importClause;
      const bindings = clause.namedBindings;
      let imported: string | undefined;
      if (clause.name?.text === name) imported = 'default';
      const isNamespace =
        !!bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name;
      if (bindings && ts.isNamedImports(bindings)) {
        const el = bindings.elements.find((e) => e.name.text === name);
        if (el) imported = (el.propertyName ?? el.name).text;
      }
      if (imported || isNamespace) {
        const sibling = load(mod, st.moduleSpecifier.text);
        if (!sibling)
          return unknown(
            `imported from "${st.moduleSpecifier.text}", which the checker cannot read`,
            mod,
            st,
          );
        return isNamespace
          ? { kind: 'found', module: sibling, node: sibling.sf }
          : exported(load, sibling, imported!, seen);
      }
    }
  }
  return found ?? unknown(`\`${name}\`, which is not defined at the top of its file`, mod);
}

/** A `const`/`function`/`class` declared directly in a function body, by name. */
function localIn(body: ts.Node, name: string): ts.Node | ts.Expression | undefined {
  if (!ts.isBlock(body)) return undefined;
  for (const st of body.statements) {
    if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === name)
      return st;
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer;
    }
  }
  return undefined;
}

const PASS_THROUGH = new Set(['freeze', 'seal', 'preventExtensions']);

/** Follows an initializer to the function, class or object it holds. */
function valueOf(
  load: Loader,
  mod: Module,
  init: ts.Expression | undefined,
  seen: Set<string>,
  at?: ts.Node,
): Target {
  if (!init) return unknown('declared without a value', mod, at);
  const e = unwrap(init);
  if (
    isFunctionNode(e) ||
    isClass(e) ||
    ts.isObjectLiteralExpression(e) ||
    ts.isArrayLiteralExpression(e)
  ) {
    return { kind: 'found', module: mod, node: e };
  }
  if (ts.isIdentifier(e)) return binding(load, mod, e.text, seen);
  if (e.kind === SK.ThisKeyword) {
    const owner = ownerOf(e);
    return owner ? { kind: 'found', module: mod, node: owner } : unknown('`this`', mod, e);
  }
  if (ts.isNewExpression(e)) {
    // A proxy around a function: like a bound function, the rules see through it (producers.ts).
    if (
      ts.isIdentifier(e.expression) &&
      e.expression.text === 'Proxy' &&
      !mod.declared.has('Proxy') &&
      (e.arguments?.length ?? 0) >= 2
    )
      return { kind: 'found', module: mod, node: e };
    // An instance: its members are the class's (methods, fields).
    const cls = valueOf(load, mod, e.expression, seen);
    return cls.kind === 'found' && isClass(cls.node)
      ? cls
      : unknown(`an object made by \`${snippet(mod, e)}\``, mod, e);
  }
  const object = memberObject(e);
  const name = memberName(e);
  if (object && name) {
    const owner = valueOf(load, mod, object, seen);
    return owner.kind === 'found' ? member(load, owner, name) : owner;
  }
  if (ts.isCallExpression(e)) return callResult(load, mod, e, seen);
  return unknown(`\`${snippet(mod, e)}\``, mod, e);
}

/**
 * What a call hands back, for the calls that only pass a function on: `f.bind(x)`,
 * `Object.freeze(o)`, and a local function or IIFE whose single `return` gives a parameter, a
 * function, a class or an object. Anything else is a wrapper the checker cannot see through.
 */
function callResult(load: Loader, mod: Module, call: ts.CallExpression, seen: Set<string>): Target {
  const callee = unwrap(call.expression);
  const cannot = unknown(`the result of the call \`${snippet(mod, call)}\``, mod, call);
  const method = memberName(callee);
  const object = memberObject(callee);
  // A bound function is a new, plain function object (not a generator function), calling the
  // original: the call itself is what the export is, and the rules see through it.
  if (object && method === 'bind') {
    const bound = valueOf(load, mod, object, seen);
    return bound.kind === 'found' ? { kind: 'found', module: mod, node: call } : bound;
  }
  if (
    object &&
    ts.isIdentifier(object) &&
    object.text === 'Object' &&
    PASS_THROUGH.has(method ?? '')
  )
    return valueOf(load, mod, call.arguments[0], seen, call);
  const fn = valueOf(load, mod, callee, seen);
  if (fn.kind !== 'found' || !isFunctionNode(fn.node) || isGenerator(fn.node)) return cannot;
  if (hasModifier(fn.node, SK.AsyncKeyword) || !fn.node.body) return cannot;
  const body = fn.node.body;
  let returned: ts.Expression | undefined;
  if (!ts.isBlock(body)) returned = body;
  else {
    const returns = fn.module
      .nodesWithin<ts.ReturnStatement>(SK.ReturnStatement, body)
      .filter((r) => enclosingFn(r) === fn.node);
    if (returns.length !== 1) return cannot;
    returned = returns[0]!.expression;
  }
  if (!returned) return cannot;
  const r = unwrap(returned);
  if (ts.isIdentifier(r)) {
    const params = (fn.node as ts.FunctionLikeDeclaration).parameters;
    const i = params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === r.text);
    if (i >= 0)
      return params[i]!.dotDotDotToken ? cannot : valueOf(load, mod, call.arguments[i], seen, call);
    const local = localIn(body, r.text);
    if (local)
      return ts.isExpression(local as ts.Node) && !isClass(local) && !isFunctionNode(local)
        ? valueOf(load, fn.module, local as ts.Expression, seen)
        : { kind: 'found', module: fn.module, node: local };
  }
  if (isFunctionNode(r) || isClass(r) || ts.isObjectLiteralExpression(r)) {
    // A function made inside the wrapper that uses the wrapper's arguments (`keep(impl)` returning
    // `function* () { yield* impl() }`): its code depends on what was passed, out of sight.
    const params = new Set(
      (fn.node as ts.FunctionLikeDeclaration).parameters.flatMap((p) =>
        ts.isIdentifier(p.name) ? [p.name.text] : [],
      ),
    );
    const usesParams = fn.module
      .nodesWithin<ts.Identifier>(SK.Identifier, r)
      .some((id) => params.has(id.text));
    return usesParams && call.arguments.length
      ? unknown(
          `a function made by the call \`${snippet(mod, call)}\` from what it is given`,
          mod,
          call,
        )
      : { kind: 'found', module: fn.module, node: r };
  }
  return cannot;
}

/** The class or object literal a method's `this` stands for. */
export function ownerOf(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (isClass(n) || ts.isObjectLiteralExpression(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) {
      if (!ts.isMethodDeclaration(n.parent) && !ts.isPropertyAssignment(n.parent)) return undefined;
    }
  }
  return undefined;
}

function enclosingFn(node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  return undefined;
}

/** A named member of a found class, object literal, array or module namespace. */
function member(load: Loader, owner: Found, name: string, declaredOnly = false): Target {
  const { module: mod, node } = owner;
  if (ts.isSourceFile(node)) return exported(load, mod, name, new Set());
  if (isClass(node)) {
    for (const m of node.members) {
      if (propertyNameText(m.name) !== name) continue;
      if (ts.isMethodDeclaration(m) && m.body) return { kind: 'found', module: mod, node: m };
      if (ts.isPropertyDeclaration(m)) return valueOf(load, mod, m.initializer, new Set(), m);
      if (ts.isMethodDeclaration(m)) continue; // an overload signature
      return unknown(`the accessor \`${snippet(mod, m)}\``, mod, m);
    }
    return extendsSomething(node)
      ? unknown(
          `inherited by \`${node.name?.text ?? 'a class'}\` from the class it extends`,
          mod,
          node,
        )
      : MISSING;
  }
  if (ts.isObjectLiteralExpression(node)) {
    // The last property of that name wins, as at run time; a spread after it may replace it.
    for (const p of [...node.properties].reverse()) {
      if (ts.isSpreadAssignment(p))
        return unknown(`an object with a spread (\`${snippet(mod, p)}\`)`, mod, p);
      if (propertyNameText(p.name) !== name) {
        if (p.name && ts.isComputedPropertyName(p.name) && propertyNameText(p.name) === undefined)
          return unknown(`an object with a computed key (\`${snippet(mod, p.name)}\`)`, mod, p);
        continue;
      }
      if (ts.isMethodDeclaration(p)) return { kind: 'found', module: mod, node: p };
      if (ts.isPropertyAssignment(p)) return valueOf(load, mod, p.initializer, new Set(), p);
      if (ts.isShorthandPropertyAssignment(p)) return binding(load, mod, p.name.text, new Set());
      return unknown(`the accessor \`${snippet(mod, p)}\``, mod, p);
    }
    // Code may add the member later (`table['tr' + 'ack'] = ...`); an export path names only
    // what the object declares.
    return declaredOnly
      ? MISSING
      : unknown(`a member \`${name}\` added to an object after it is made`, mod, node);
  }
  return unknown(`a member of \`${snippet(mod, node)}\``, mod, node);
}

/** What a module-level name of `module` stands for (a callee, a class, an import). */
export function resolveLocal(load: Loader, module: Module, name: string): Target {
  return binding(load, module, name, new Set());
}

/** What an expression stands for, when it is a name, a member, or a call passing one on. */
export function resolveValue(load: Loader, module: Module, expr: ts.Expression): Target {
  return valueOf(load, module, expr, new Set());
}
