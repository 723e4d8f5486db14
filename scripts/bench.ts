// `npm run bench`: measured figures, each beside a baseline taken in the same run.
// Memory: peak RSS of child processes. Time: the median of several runs of whole commands.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { ts } from 'ts-morph';
import { loadExercises, ROOT, SOLUTIONS_DIR, type Exercise } from '../lib/catalog.ts';
import { VitestDriver } from '../cli/vitest-driver.ts';
import { checkFile } from '../checker/index.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
delete env.NODE_OPTIONS;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [i, r] of rows.entries()) {
    const line = r
      .map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join('  ');
    console.log(i === 0 ? pc.bold(line) : line);
  }
}

/** Peak RSS (KiB) of a child Node that runs `script` with TypeScript support. */
function peakRss(script: string): number {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `${script}\nprocess.stdout.write(String(process.resourceUsage().maxRSS));`,
    ],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`memory child failed: ${r.stderr.slice(-500)}`);
  return Number(r.stdout.trim().split(/\D+/).pop());
}

/** Median wall time (ms) of a command. */
function time(args: string[], extraEnv: Record<string, string> = {}): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(args[0]!, args.slice(1), {
      cwd: ROOT,
      env: { ...env, ...extraEnv },
      encoding: 'utf8',
    });
    samples.push(performance.now() - t0);
    if (r.status === null) throw new Error(`${args.join(' ')} was killed`);
  }
  return median(samples);
}

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

console.log(
  pc.bold(`\nRunner: kata run against a bare vitest run of the same file (median of ${RUNS})`),
);
const vitestBin = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const kataBin = join(ROOT, 'bin', 'kata.js');
const runRows = [['exercise', 'kata run', 'vitest run (baseline)', 'ratio', 'target']];
for (const exercise of loadExercises().slice(0, 2)) {
  const file = `exercises/${exercise.id}/${exercise.testFile}`;
  const bare = time([process.execPath, vitestBin, 'run', file], { KATA_DIR: 'solutions' });
  const kata = time([process.execPath, kataBin, 'run', String(exercise.number)], {
    KATA_DIR: 'solutions',
  });
  runRows.push([
    exercise.id,
    `${kata.toFixed(0)} ms`,
    `${bare.toFixed(0)} ms`,
    ratio(kata, bare),
    '<= 1.50x',
  ]);
}
table(runRows);

console.log(pc.bold(`\nRunner: watch mode, from a save to the new report (median of ${RUNS})`));
const watchRows = [['exercise', 'save → report', 'target']];
for (const exercise of loadExercises().slice(0, 2)) {
  watchRows.push([exercise.id, `${(await rerunLatency(exercise)).toFixed(0)} ms`, '< 500 ms']);
}
table(watchRows);

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
console.log();

/** Saves a solved learner file in a watched scratch KATA_DIR and times vitest's re-run. */
async function rerunLatency(exercise: Exercise): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'yield-katas-bench-'));
  cpSync(join(SOLUTIONS_DIR, exercise.id), join(dir, exercise.id), { recursive: true });
  const learner = join(dir, exercise.id, exercise.stubFile);
  const testFile = join(ROOT, 'exercises', exercise.id, exercise.testFile);
  const saved = process.env.KATA_DIR;
  process.env.KATA_DIR = dir;
  let ended: (() => void) | undefined;
  const driver = await VitestDriver.create({
    watch: true,
    learnerFileOf: () => learner,
    onRunEnd: () => ended?.(),
  });
  try {
    driver.watchOnly([testFile]);
    await driver.run([testFile]);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const done = new Promise<void>((resolve) => (ended = resolve));
      const t0 = performance.now();
      appendFileSync(learner, `\n// save ${i}\n`);
      await done;
      samples.push(performance.now() - t0);
    }
    return median(samples);
  } finally {
    await driver.close();
    if (saved === undefined) delete process.env.KATA_DIR;
    else process.env.KATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}
