/**
 * Test helpers: check in-memory sources with chosen rules, no disk. Sources live in a virtual
 * exercise folder, so sibling files (`./impl`) can be given beside the file under test.
 */
import type { Check } from '../lib/meta.ts';
import { checkSources } from './engine.ts';
import type { Finding } from './finding.ts';

export const DIR = '/virtual/04-kata';
export const FILE = `${DIR}/kata.ts`;

export interface TestOptions {
  /** Other files of the folder, by name: `{ 'impl.ts': '...' }`. */
  siblings?: Record<string, string>;
  /** Run the base rules too (off by default, to test one rule at a time). */
  base?: boolean;
}

/** Findings for `source` (the file kata.ts) under `checks`. */
export function check(source: string, checks: Check[], options: TestOptions = {}): Finding[] {
  const files = new Map(Object.entries(options.siblings ?? {}).map(([n, t]) => [`${DIR}/${n}`, t]));
  return checkSources([{ path: FILE, text: source, checks }], {
    readFile: (p) => files.get(p),
    base: options.base ?? false,
  });
}

/** `rule@line` for each finding: what tests assert, never the wording. */
export function spots(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}`);
}

/** Shorthand: the spots for one rule with parameters on one source. */
export function run(
  rule: string,
  source: string,
  params: object = {},
  options?: TestOptions,
): string[] {
  return spots(check(source, [{ rule, ...params }], options));
}
