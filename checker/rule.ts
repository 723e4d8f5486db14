/**
 * What a rule is: an id, a default severity, a zod schema for its parameters in meta.json, and a
 * pure function from the parsed files to issues. The engine turns issues into findings (rule id,
 * severity, file:line:col), so a rule never formats a position or reads a file.
 */
import type { z } from 'zod';
import type { ts } from './ast.ts';
import type { Target, Unknown } from './exports.ts';
import type { Severity } from './finding.ts';
import type { Module } from './module.ts';
import type { Scope, ScopeOptions } from './scope.ts';

export interface RuleContext {
  /** The file being checked. */
  readonly main: Module;
  /** The file being checked first, then the sibling files it imports or re-exports. */
  readonly modules: readonly Module[];
  /** Where a message sends the learner for help, like "`kata hint 1`". */
  readonly hint: string;
  /** What an export (`range`, `Range[Symbol.iterator]`) of the checked file stands for. */
  resolve(exportPath: string): Target;
  /** What a module-level name of `module` stands for. */
  resolveLocal(module: Module, name: string): Target;
  /** What an expression of `module` stands for (a name, a member, `f.bind(x)`). */
  resolveValue(module: Module, expr: ts.Expression): Target;
  /** A found export's code plus the module-level helpers it uses. */
  scope(target: Target & { kind: 'found' }, options?: ScopeOptions): Scope;
  /** The exercise's checks (for rules that depend on what other checks require). */
  readonly checks: readonly { rule: string; export?: unknown }[];
}

export interface Issue {
  module: Module;
  /** Where it is: the finding points at the node's first character. */
  node: ts.Node;
  /** What is wrong, why it matters here, how to fix it. */
  message: string;
  /** The rule could not follow the code: reported under the id `unverifiable`, never passed. */
  unverifiable?: boolean;
}

export interface Rule<S extends z.ZodType = z.ZodType> {
  id: string;
  severity: Severity;
  /** One line for error messages and docs. */
  summary: string;
  params: S;
  check(ctx: RuleContext, params: z.infer<S>): Issue[];
}

/** Keeps the parameter type of `check` tied to the schema. */
export function defineRule<S extends z.ZodType>(rule: Rule<S>): Rule<S> {
  return rule;
}

/** The name to point at: `range` in `function* range`, or the node itself. */
export function nameOf(node: ts.Node): ts.Node {
  return (node as { name?: ts.Node }).name ?? node;
}

/** The issue for an export the checked file does not have. */
export function missingExport(ctx: RuleContext, name: string, wanted: string): Issue {
  const file = ctx.main.path.split(/[\\/]/).pop();
  return {
    module: ctx.main,
    node: ctx.main.sf,
    message:
      `${file} does not export \`${name}\`. The tests import it by that name, and this exercise ` +
      `wants it to be ${wanted}. Export it under that name (see the README tasks, ${ctx.hint}).`,
  };
}

/**
 * The issue for an export the rule cannot follow: `wanted` says what the exercise checks it is,
 * `shape` how to write it so that the checker can see it.
 */
export function cannotVerify(
  ctx: RuleContext,
  name: string,
  target: Unknown,
  wanted: string,
  shape: string,
): Issue {
  return {
    module: target.module ?? ctx.main,
    node: target.node ?? ctx.main.sf,
    unverifiable: true,
    message:
      `The checker cannot tell what \`${name}\` is: it is ${target.why}. This exercise checks ` +
      `that it is ${wanted}, and what cannot be checked does not count as done. Write it so ` +
      `that it can be read directly, like \`${shape}\`, without a wrapper in between (${ctx.hint}).`,
  };
}

const SHAPE_RULES = new Set([
  'generator-function',
  'async-generator-function',
  'iterator-class',
  'not-generator',
]);

/**
 * What a rule that judges an export's code (not its shape) says when the export is missing or
 * cannot be followed: nothing, when a shape rule on the same export already says it.
 */
export function unresolved(
  ctx: RuleContext,
  name: string,
  target: Target,
  wanted: string,
): Issue[] {
  if (target.kind === 'found') return [];
  if (ctx.checks.some((c) => c.export === name && SHAPE_RULES.has(c.rule))) return [];
  return target.kind === 'missing'
    ? [missingExport(ctx, name, wanted)]
    : [cannotVerify(ctx, name, target, wanted, `export function* ${name}(...) { ... }`)];
}
