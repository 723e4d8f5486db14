/** The checker's result model: findings are data; reporters (report.ts) render them. */

/** essential: must fix; actionable: should fix; informative: worth knowing, never fails a run. */
export type Severity = 'essential' | 'actionable' | 'informative';

export interface Finding {
  /** Stable rule id, e.g. `no-eager-collection`. */
  rule: string;
  severity: Severity;
  /** Absolute path of the file the finding is in. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** What is wrong, why it matters for this exercise, and how to fix it. */
  message: string;
}

export const SEVERITIES = ['essential', 'actionable', 'informative'] as const satisfies Severity[];

/** Sorts by file, then position, then rule id, and drops exact repeats. */
export function tidy(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.rule.localeCompare(b.rule),
    )
    .filter((f) => {
      const key = `${f.file}:${f.line}:${f.column}:${f.rule}:${f.message}`;
      return !seen.has(key) && !!seen.add(key);
    });
}
