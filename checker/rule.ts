/**
 * What a rule is: an id, a default severity, a zod schema for its parameters in meta.json, and a
 * pure function from the parsed files to issues. The engine turns issues into findings (rule id,
 * severity, file:line:col), so a rule never formats a position or reads a file.
 */
import type { z } from 'zod';
import type { ts } from './ast.ts';
import type { Target } from './exports.ts';
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
  /** A found export's code plus the module-level helpers it calls. */
  scope(target: Target & { kind: 'found' }, options?: ScopeOptions): Scope;
}

export interface Issue {
  module: Module;
  /** Where it is: the finding points at the node's first character. */
  node: ts.Node;
  /** What is wrong, why it matters here, how to fix it. */
  message: string;
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
