/**
 * Rule ids to rules, and the step that turns a meta.json `checks` list into rules ready to run.
 * An unknown rule id or a bad parameter is an authoring mistake: it throws one clear line.
 */
import { z } from 'zod';
import type { Check } from '../lib/meta.ts';
import { SEVERITIES, type Severity } from './finding.ts';
import type { Rule } from './rule.ts';
import allowedImports from './rules/allowed-imports.ts';
import asyncGeneratorFunction from './rules/async-generator-function.ts';
import builtFrom from './rules/built-from.ts';
import delegatesTo from './rules/delegates-to.ts';
import forbidAsync from './rules/forbid-async.ts';
import generatorFunction from './rules/generator-function.ts';
import iteratorClass from './rules/iterator-class.ts';
import noArrayShift from './rules/no-array-shift.ts';
import noEagerCollection from './rules/no-eager-collection.ts';
import noEnvironment from './rules/no-environment.ts';
import noEval from './rules/no-eval.ts';
import noGlobalWrites from './rules/no-global-writes.ts';
import noIteratorHelpers from './rules/no-iterator-helpers.ts';
import noProcess from './rules/no-process.ts';
import noTampering from './rules/no-tampering.ts';
import noYieldStar from './rules/no-yield-star.ts';
import notGenerator from './rules/not-generator.ts';
import usesYieldStar from './rules/uses-yield-star.ts';

/** Applied to every exercise without being listed in meta.json. */
export const BASE_RULES: readonly Rule[] = [
  allowedImports,
  noEval,
  noProcess,
  noGlobalWrites,
  noEnvironment,
  noTampering,
];

export const RULES: ReadonlyMap<string, Rule> = new Map(
  [
    ...BASE_RULES,
    generatorFunction,
    asyncGeneratorFunction,
    noEagerCollection,
    usesYieldStar,
    noYieldStar,
    notGenerator,
    iteratorClass,
    noIteratorHelpers,
    forbidAsync,
    noArrayShift,
    delegatesTo,
    builtFrom,
  ].map((r) => [r.id, r as Rule]),
);

/** Findings the engine itself makes, not a rule module: they have ids all the same. */
export const ENGINE_RULE_IDS = [
  'missing-file',
  'syntax-error',
  'too-deep',
  'unverifiable',
  'learner-config',
] as const;

export interface CompiledCheck {
  rule: Rule;
  params: unknown;
  severity: Severity;
}

const SeveritySchema = z.enum(SEVERITIES).optional();

/** One check of meta.json, validated: `{ rule, severity?, ...params }`. */
function compileOne(check: Check, where: string): CompiledCheck {
  const { rule: id, severity, ...params } = check as Check & { severity?: unknown };
  const rule = RULES.get(id);
  if (!rule) {
    throw new Error(
      `${where}: unknown rule "${id}"; the rules are: ${[...RULES.keys()].join(', ')}.`,
    );
  }
  const sev = SeveritySchema.safeParse(severity);
  if (!sev.success)
    throw new Error(`${where} (${id}): severity must be one of ${SEVERITIES.join(', ')}.`);
  const parsed = rule.params.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : 'parameters';
    throw new Error(`${where} (${id}): ${field}: ${issue.message}.`);
  }
  return { rule, params: parsed.data, severity: sev.data ?? rule.severity };
}

const compiled = new WeakMap<readonly Check[], CompiledCheck[]>();

/** The exercise's checks plus the base rules (a base rule listed in meta.json runs once). */
export function compileChecks(
  checks: readonly Check[],
  where = 'checks',
  withBase = true,
): CompiledCheck[] {
  const cached = withBase ? compiled.get(checks) : undefined;
  if (cached) return cached;
  const listed = checks.map((c, i) => compileOne(c, `${where}[${i}]`));
  if (!withBase) return listed;
  const base = BASE_RULES.filter((b) => !listed.some((c) => c.rule === b)).map((rule) => ({
    rule,
    params: {},
    severity: rule.severity,
  }));
  const result = [...listed, ...base];
  compiled.set(checks, result);
  return result;
}

/** The problems in a `checks` list, one line each; empty when it is fine. */
export function validateChecks(checks: readonly Check[], where = 'checks'): string[] {
  return checks.flatMap((c, i) => {
    try {
      compileOne(c, `${where}[${i}]`);
      return [];
    } catch (err) {
      return [(err as Error).message];
    }
  });
}
