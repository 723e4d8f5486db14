// The checker's cold start: `kata check solutions` with TypeScript's V8 code cache (what every run
// after the first gets, checker/typescript.cjs) beside the same command without it, alternated so
// that both meet the same load.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { ROOT } from '../../lib/catalog.ts';
import { env, kataBin, median, ratio, RUNS, table } from './util.ts';

export const title = 'checker-cold';

const CACHE = join(ROOT, 'node_modules', '.cache', 'yield-katas-typescript');
const check = [process.execPath, kataBin, 'check', 'solutions'];

/** Wall time (ms) of one run. */
function once(): number {
  const t0 = performance.now();
  const r = spawnSync(check[0]!, check.slice(1), { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status === null) throw new Error('kata check was killed');
  return performance.now() - t0;
}

export async function run(): Promise<void> {
  console.log(pc.bold('\nChecker: cold start, with and without the compiler code cache'));
  once(); // builds the CLI and writes the cache, if missing
  const cached: number[] = [];
  const uncached: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cached.push(once());
    rmSync(CACHE, { recursive: true, force: true });
    uncached.push(once()); // this run writes the cache again
  }
  const withCache = median(cached);
  const without = median(uncached);
  table([
    ['figure', 'measured', 'baseline', 'ratio', 'target'],
    [
      'cold: kata check solutions',
      `${withCache.toFixed(0)} ms`,
      `no code cache: ${without.toFixed(0)} ms`,
      ratio(withCache, without),
      '< 1500 ms',
    ],
  ]);
}
