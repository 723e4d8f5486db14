/**
 * What kind of value an expression holds (string, number, array), for the few places where syntax
 * alone cannot tell: `s += x` and `a = a.concat(x)` grow a string or an array, or add numbers.
 * The declaration usually says it (`let s = ''`); only when it does not is TypeScript's type
 * checker asked, over the one file and a tiny in-memory lib, created on first use.
 */
import { SK, ts, unwrap } from './ast.ts';
import type { Module } from './module.ts';

export type ValueKind = 'string' | 'number' | 'array' | 'other';

const LIB_NAME = '/__kata_lib__.d.ts';
// Enough of lib.es5 for inference of strings, numbers and arrays; everything else is `any`.
const LIB = `
interface Array<T> { length: number; [n: number]: T; push(...items: T[]): number;
  concat(...items: (T | ConcatArray<T>)[]): T[]; join(separator?: string): string;
  slice(start?: number, end?: number): T[]; map<U>(f: (value: T, index: number) => U): U[];
  filter(f: (value: T, index: number) => unknown): T[]; pop(): T | undefined; shift(): T | undefined; }
interface ConcatArray<T> { readonly length: number; readonly [n: number]: T; }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T; }
interface String { length: number; concat(...strings: string[]): string; split(separator: string): string[];
  slice(start?: number, end?: number): string; charAt(i: number): string; repeat(n: number): string;
  toString(): string; trim(): string; toUpperCase(): string; toLowerCase(): string; }
interface Number { toString(radix?: number): string; toFixed(digits?: number): string; }
interface Boolean {} interface Object {} interface Function {} interface CallableFunction {}
interface NewableFunction {} interface IArguments {} interface RegExp {} interface Symbol {}
interface TemplateStringsArray extends ReadonlyArray<string> {}
interface SymbolConstructor { readonly iterator: unique symbol; readonly asyncIterator: unique symbol; }
declare var Symbol: SymbolConstructor;
interface IteratorYieldResult<Y> { done?: false; value: Y; }
interface IteratorReturnResult<R> { done: true; value: R; }
type IteratorResult<T, R = any> = IteratorYieldResult<T> | IteratorReturnResult<R>;
interface Iterator<T, R = any, N = any> { next(...args: [] | [N]): IteratorResult<T, R>; }
interface Iterable<T, R = any, N = any> { [Symbol.iterator](): Iterator<T, R, N>; }
interface IterableIterator<T, R = any, N = any> extends Iterator<T, R, N> { [Symbol.iterator](): IterableIterator<T, R, N>; }
interface Generator<T = unknown, R = any, N = any> extends Iterator<T, R, N> { [Symbol.iterator](): Generator<T, R, N>; }
interface Promise<T> {} interface PromiseLike<T> {}
declare function String(value?: any): string;
declare function Number(value?: any): number;
declare var Math: { [k: string]: (...args: number[]) => number };
`;

const checkers = new WeakMap<Module, { program: ts.Program; sf: ts.SourceFile }>();
let libFile: ts.SourceFile | undefined;

/** The kind of value `expr` holds; `other` when even the type checker cannot say. */
export function valueKind(module: Module, expr: ts.Expression): ValueKind {
  return declaredKind(module, expr) ?? checkedKind(module, expr);
}

/** From the code alone: a literal, or the initializer or annotation of the variable it names. */
export function declaredKind(
  module: Module,
  expr: ts.Expression,
  depth = 0,
): ValueKind | undefined {
  const e = unwrap(expr);
  const literal = literalKind(e);
  if (literal) return literal;
  if (!ts.isIdentifier(e) || depth > 4) return undefined;
  const d = declarationOf(module, e);
  if (!d) return undefined;
  if (d.type) {
    if (d.type.kind === SK.StringKeyword) return 'string';
    if (d.type.kind === SK.NumberKeyword || d.type.kind === SK.BigIntKeyword) return 'number';
    if (ts.isArrayTypeNode(d.type)) return 'array';
  }
  return d.initializer ? declaredKind(module, d.initializer, depth + 1) : undefined;
}

/**
 * The declaration an identifier refers to: of the variables and parameters by that name, the one
 * in the innermost function around the identifier (or at the top of the file).
 */
function declarationOf(
  module: Module,
  id: ts.Identifier,
): ts.VariableDeclaration | ts.ParameterDeclaration | undefined {
  let best: ts.VariableDeclaration | ts.ParameterDeclaration | undefined;
  let bestSize = Infinity;
  for (const kind of [SK.VariableDeclaration, SK.Parameter]) {
    for (const d of module.nodes<ts.VariableDeclaration | ts.ParameterDeclaration>(kind)) {
      if (!ts.isIdentifier(d.name) || d.name.text !== id.text) continue;
      let owner: ts.Node = d.parent;
      while (owner.parent && !ts.isFunctionLike(owner) && !ts.isSourceFile(owner))
        owner = owner.parent;
      if (ts.isParameter(d)) owner = d.parent;
      const size = owner.end - owner.pos;
      if (owner.pos <= id.pos && id.end <= owner.end && size < bestSize) {
        best = d;
        bestSize = size;
      }
    }
  }
  return best;
}

function literalKind(e: ts.Expression): ValueKind | undefined {
  if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e)) return 'string';
  if (ts.isNumericLiteral(e) || ts.isBigIntLiteral(e)) return 'number';
  if (ts.isArrayLiteralExpression(e)) return 'array';
  if (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(unwrap(e.operand))) return 'number';
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    if (e.expression.text === 'String') return 'string';
    if (e.expression.text === 'Number') return 'number';
  }
  return undefined;
}

/** Asks TypeScript, building a one-file program for this module the first time. */
function checkedKind(module: Module, expr: ts.Expression): ValueKind {
  let entry = checkers.get(module);
  if (!entry) {
    libFile ??= ts.createSourceFile(LIB_NAME, LIB, ts.ScriptTarget.Latest, true);
    const sf = ts.createSourceFile(
      module.path,
      module.sf.text,
      ts.ScriptTarget.Latest,
      true,
      (module.sf as unknown as { scriptKind: ts.ScriptKind }).scriptKind,
    );
    const files = new Map([
      [module.path, sf],
      [LIB_NAME, libFile],
    ]);
    const host: ts.CompilerHost = {
      getSourceFile: (name) => files.get(name),
      getDefaultLibFileName: () => LIB_NAME,
      writeFile: () => {},
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (f) => files.has(f),
      readFile: () => undefined,
    };
    const options: ts.CompilerOptions = {
      noLib: true,
      types: [],
      noResolve: true,
      allowJs: true,
      strict: true,
      target: ts.ScriptTarget.ESNext,
    };
    const program = ts.createProgram({ rootNames: [module.path, LIB_NAME], options, host });
    entry = { program, sf };
    checkers.set(module, entry);
  }
  const node = sameNode(entry.sf, expr);
  if (!node) return 'other';
  const checker = entry.program.getTypeChecker();
  const type = checker.getTypeAtLocation(node);
  if (type.flags & ts.TypeFlags.StringLike) return 'string';
  if (type.flags & ts.TypeFlags.NumberLike || type.flags & ts.TypeFlags.BigIntLike) return 'number';
  if (type.isUnion()) {
    if (type.types.every((t) => t.flags & ts.TypeFlags.StringLike)) return 'string';
    if (type.types.every((t) => t.flags & ts.TypeFlags.NumberLike)) return 'number';
  }
  const name = type.getSymbol()?.getName();
  return name === 'Array' || name === 'ReadonlyArray' ? 'array' : 'other';
}

/** The node of `sf` (the checker's own parse) at the same place as `node`. */
function sameNode(sf: ts.SourceFile, node: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (n.pos === node.pos && n.end === node.end && n.kind === node.kind) found = n;
    else if (n.pos <= node.pos && n.end >= node.end) ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}
