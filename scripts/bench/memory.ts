// Memory: peak RSS of summing a lazy range against an eager array, in child processes.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { SOLUTIONS_DIR } from '../../lib/catalog.ts';
import { mib, peakRss, ratio, table } from './util.ts';

export const title = 'memory';

export async function run(): Promise<void> {
  console.log(pc.bold('\nMemory: peak RSS of summing a range (child processes)'));
  const solution = pathToFileURL(join(SOLUTIONS_DIR, '01-lazy-range', 'lazy-range.ts')).href;
  const lazy = (n: number) =>
    `const { range } = await import(${JSON.stringify(solution)}); let s = 0; for (const x of range(${n})) s += x;`;
  const eager = (n: number) =>
    `const a = []; for (let i = 0; i < ${n}; i++) a.push(i); let s = 0; for (const x of a) s += x;`;
  const empty = peakRss('');
  const memRows = [
    ['n', 'lazy (solution)', 'eager (array)', 'eager / lazy', 'empty node (baseline)'],
  ];
  for (const n of [1e6, 1e7]) {
    const l = peakRss(lazy(n));
    const e = peakRss(eager(n));
    memRows.push([n.toExponential(0), mib(l), mib(e), ratio(e, l), mib(empty)]);
  }
  table(memRows);
}
