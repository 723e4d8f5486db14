/**
 * Reporters: the findings are data; these only render them. `pretty` groups them by exercise for a
 * terminal, `json` is for tools.
 */
import { relative } from 'node:path';
import pc from 'picocolors';
import type { Finding, Severity } from './finding.ts';

export interface ExerciseResult {
  /** `01-lazy-range` */
  exercise: string;
  findings: Finding[];
}

const paint: Record<Severity, (s: string) => string> = {
  essential: pc.red,
  actionable: pc.yellow,
  informative: pc.blue,
};

/** Informative findings are worth reading but never fail a run. */
export const fails = (f: Finding) => f.severity !== 'informative';

function counts(findings: Finding[]): string {
  const by = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = (['essential', 'actionable', 'informative'] as const)
    .filter((s) => by(s))
    .map((s) => `${by(s)} ${s}`);
  return parts.join(', ');
}

export function renderPretty(
  results: ExerciseResult[],
  where: string,
  cwd = process.cwd(),
): string {
  const lines: string[] = [];
  const withFindings = results.filter((r) => r.findings.length);
  for (const { exercise, findings } of withFindings) {
    lines.push(pc.bold(exercise));
    for (const f of findings) {
      const at = `${shown(cwd, f.file)}:${f.line}:${f.column}`;
      lines.push(
        `  ${pc.cyan(at)}  ${paint[f.severity](f.severity)}  ${pc.dim(f.rule)}  ${f.message}`,
      );
    }
    lines.push('');
  }
  const all = withFindings.flatMap((r) => r.findings);
  const checked = `${results.length} exercise${results.length === 1 ? '' : 's'} in ${where}`;
  if (!all.length) {
    lines.push(pc.green(`✓ Checked ${checked}: no findings.`));
  } else {
    const mark = all.some(fails) ? pc.red('✗') : pc.blue('i');
    const n = `${all.length} finding${all.length === 1 ? '' : 's'}`;
    lines.push(`${mark} ${n} (${counts(all)}) in ${withFindings.length} of ${checked}.`);
  }
  return lines.join('\n');
}

export function renderJson(results: ExerciseResult[]): string {
  return JSON.stringify(
    results.flatMap((r) => r.findings.map((f) => ({ exercise: r.exercise, ...f }))),
    null,
    2,
  );
}

/** A path relative to cwd when it lies inside it, else absolute: `../../tmp/x` helps nobody. */
export function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
