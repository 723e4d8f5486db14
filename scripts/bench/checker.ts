// The checker: cold over all solutions, warm per file, beside a bare TypeScript parse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { ts } from 'ts-morph';
import { checkFile } from '../../checker/index.ts';
import { loadExercises, SOLUTIONS_DIR } from '../../lib/catalog.ts';
import { kataBin, median, ratio, RUNS, table, time } from './util.ts';

export const title = 'checker';

export async function run(): Promise<void> {
  console.log(pc.bold('\nChecker: all solutions'));
  const files = loadExercises().map((e) => ({
    path: join(SOLUTIONS_DIR, e.id, e.stubFile),
    checks: e.meta.checks,
  }));
  const cold = time([process.execPath, kataBin, 'check', 'solutions']);
  const startup = time([process.execPath, '-e', '0']);
  for (const f of files) checkFile(f.path, f.checks); // warm up
  const warmSamples: number[] = [];
  const parseSamples: number[] = [];
  for (let i = 0; i < 10 * RUNS; i++) {
    let t0 = performance.now();
    for (const f of files) checkFile(f.path, f.checks);
    warmSamples.push(performance.now() - t0);
    t0 = performance.now();
    for (const f of files)
      ts.createSourceFile(f.path, readFileSync(f.path, 'utf8'), ts.ScriptTarget.Latest, true);
    parseSamples.push(performance.now() - t0);
  }
  const warm = median(warmSamples);
  const parse = median(parseSamples);
  table([
    ['figure', 'measured', 'baseline', 'ratio', 'target'],
    [
      'cold: kata check solutions',
      `${cold.toFixed(0)} ms`,
      `node -e 0: ${startup.toFixed(0)} ms`,
      ratio(cold, startup),
      '< 1500 ms',
    ],
    ['warm: per file', `${(warm / files.length).toFixed(2)} ms`, '', '', '< 20 ms'],
    [
      'warm: all files vs ts.createSourceFile',
      `${warm.toFixed(2)} ms`,
      `${parse.toFixed(2)} ms`,
      ratio(warm, parse),
      '<= 3.00x',
    ],
  ]);
}
