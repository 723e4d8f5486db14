// Scheduler (exercises 12-14): cost per switch against a bare round-robin of gen.next() and against
// async functions awaiting, growth from 10,000 to 100,000 tasks, and trampolined recursion 100,000
// deep against the depth where a plain yield* chain overflows. Each figure comes from a fresh
// child Node, so one workload's JIT state and heap never colour the next.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { ROOT, SOLUTIONS_DIR } from '../../lib/catalog.ts';
import { env, median, mib, ratio, RUNS, table } from './util.ts';

export const title = 'scheduler';

const solution = (id: string, file: string) =>
  JSON.stringify(pathToFileURL(join(SOLUTIONS_DIR, id, file)).href);
const SOLUTIONS = [
  ['12-scheduler', 'scheduler.ts'],
  ['13-scheduler-time', 'scheduler-time.ts'],
  ['14-scheduler-trampoline', 'scheduler-trampoline.ts'],
] as const;
const YIELDS = 10;

/** Runs `body` (which sets `ms`, and may set `extra`) in a child; answers its figures. */
function child(body: string): { ms: number; rssKiB: number; extra: unknown } {
  const script = [
    'let ms = 0; let extra = null;',
    body,
    'process.stdout.write(JSON.stringify({ ms, rssKiB: process.resourceUsage().maxRSS, extra }));',
  ].join('\n');
  const r = spawnSync(
    process.execPath,
    ['--stack-size=984', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr.slice(-800)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as never;
}

/** The median time of RUNS children. */
const timed = (body: string) => median(Array.from({ length: RUNS }, () => child(body).ms));

const worker = `function* worker() { for (let i = 0; i < ${YIELDS}; i++) yield; }`;

const bare = (n: number) => `${worker}
const gens = Array.from({ length: ${n} }, () => worker());
const t = performance.now();
for (let round = 0; round <= ${YIELDS}; round++) for (const g of gens) g.next();
ms = performance.now() - t;`;

const scheduled = (n: number, id: string, file: string) => `${worker}
const { createScheduler } = await import(${solution(id, file)});
const s = createScheduler();
for (let i = 0; i < ${n}; i++) s.spawn(worker());
const t = performance.now();
s.run();
ms = performance.now() - t;`;

const asyncAwait = (n: number) => `
async function worker() { for (let i = 0; i < ${YIELDS}; i++) await null; }
const t = performance.now();
await Promise.all(Array.from({ length: ${n} }, () => worker()));
ms = performance.now() - t;`;

export async function run(): Promise<void> {
  const n = 100_000;
  const switches = n * YIELDS;
  const perSwitch = (ms: number) => `${((ms * 1e6) / switches).toFixed(0)} ns`;

  console.log(
    pc.bold(
      `\nScheduler: ${n.toLocaleString('en')} tasks × ${YIELDS} yields, cost per switch (median of ${RUNS})`,
    ),
  );
  const base = timed(bare(n));
  const awaited = timed(asyncAwait(n));
  const rows = [['workload', 'per switch', 'vs bare next()', 'target']];
  rows.push(['bare round-robin of gen.next() (baseline)', perSwitch(base), '1.00x', '']);
  rows.push([
    'async functions, await null (baseline)',
    perSwitch(awaited),
    ratio(awaited, base),
    '',
  ]);
  let reference = 0;
  for (const [id, file] of SOLUTIONS) {
    const ms = timed(scheduled(n, id, file));
    if (id.startsWith('14')) reference = ms;
    rows.push([
      `solutions/${id}`,
      perSwitch(ms),
      ratio(ms, base),
      id.startsWith('14') ? `<= 3.00x, < async` : '',
    ]);
  }
  table(rows);
  const verdict = (ok: boolean) => (ok ? pc.green('met') : pc.red('missed'));
  console.log(
    `reference vs bare: ${ratio(reference, base)} (${verdict(reference <= 3 * base)}); ` +
      `vs async: ${ratio(reference, awaited)} (${verdict(reference < awaited)})`,
  );

  console.log(pc.bold(`\nScheduler: growth from 10,000 to 100,000 tasks (median of ${RUNS})`));
  const [id14, file14] = SOLUTIONS[2];
  const small = timed(scheduled(10_000, id14, file14));
  const large = timed(scheduled(100_000, id14, file14));
  const bareSmall = timed(bare(10_000));
  table([
    ['workload', '10,000 tasks', '100,000 tasks', 'ratio', 'target'],
    [
      'bare round-robin (baseline)',
      `${bareSmall.toFixed(0)} ms`,
      `${base.toFixed(0)} ms`,
      ratio(base, bareSmall),
      '',
    ],
    [
      `solutions/${id14}`,
      `${small.toFixed(0)} ms`,
      `${large.toFixed(0)} ms`,
      ratio(large, small),
      '< 12.00x',
    ],
  ]);
  console.log(`linear growth: ${verdict(large / small < 12)}`);

  console.log(pc.bold('\nScheduler: recursion 100,000 deep (one child each)'));
  const deep = child(`
const { createScheduler } = await import(${solution(id14, file14)});
function* depth(n) { if (n === 0) return 0; return (yield depth(n - 1)) + 1; }
const s = createScheduler();
s.spawn((function* () { return yield depth(100000); })());
const t = performance.now();
extra = s.run().get(1);
ms = performance.now() - t;`);
  // The baseline: the deepest plain yield* chain this Node runs before its stack overflows.
  const chain = child(`
function* chain(n) { if (n === 0) return 0; return (yield* chain(n - 1)) + 1; }
const fits = (n) => { try { chain(n).next(); return true; } catch { return false; } };
let lo = 1, hi = 1;
while (fits(hi)) { lo = hi; hi *= 2; }
while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (fits(mid)) lo = mid; else hi = mid; }
extra = lo;`);
  const empty = child('');
  const answer = deep.extra as { state: string; value?: number };
  table([
    ['workload', 'time', 'peak RSS', 'result'],
    ['empty node (baseline)', '', mib(empty.rssKiB), ''],
    [
      'plain yield* chain (baseline)',
      '',
      mib(chain.rssKiB),
      `overflows past ${Number(chain.extra).toLocaleString('en')} levels`,
    ],
    [
      `solutions/${id14}, 100,000 deep`,
      `${deep.ms.toFixed(0)} ms`,
      mib(deep.rssKiB),
      answer.state === 'done' ? `answers ${answer.value}` : answer.state,
    ],
  ]);
}
