// `npm run mutate [exercise...]`: mutation testing of the canonical tests. StrykerJS mutates the
// reference solutions (solutions/NN-slug/*.ts, not the anti-solutions), runs the exercise's tests
// on each mutant, and this prints the score per exercise and every surviving mutant. The rule
// (CONTRIBUTING.md): 90% or more per exercise, each survivor a message string or an argued
// equivalent. Minutes, not seconds: it is not part of `npm test`.
import { relative } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { LogLevel, PartialStrykerOptions } from '@stryker-mutator/api/core';
import pc from 'picocolors';
import { findExercise, loadCatalog, ROOT, UsageError, type Exercise } from '../lib/catalog.ts';

const TARGET = 90;

let exercises: Exercise[];
try {
  const all = loadCatalog().exercises;
  const args = process.argv.slice(2);
  exercises = args.length ? args.map((a) => findExercise(all, a)) : all;
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`mutate: ${err.message}`);
  process.exit(2);
}
process.env.MUTATE_EXERCISES = exercises.map((e) => e.id).join(',');

const options: PartialStrykerOptions = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'scripts/mutate.vitest.config.ts', related: false },
  mutate: exercises.map((e) => `solutions/${e.id}/*.ts`),
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  reporters: ['html', 'progress'],
  htmlReporter: { fileName: 'report/mutation.html' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['report', '.kata', 'coverage', 'cli', 'checker', 'scripts/bench'],
  cleanTempDir: 'always',
  logLevel: 'warn' as LogLevel,
  // Killing the worker of an endless loop takes a while: give slow mutants room, not the suite.
  timeoutMS: 10_000,
};

const results = await new Stryker(options).runMutationTest();

const detected = new Set(['Killed', 'Timeout']);
const counted = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const rows = [['exercise', 'mutants', 'killed', 'survived', 'score', 'target']];
let failing = 0;
const survivors: string[] = [];
for (const exercise of exercises) {
  const mine = results.filter(
    (m) =>
      relative(ROOT, m.fileName).startsWith(`solutions/${exercise.id}/`) && counted.has(m.status),
  );
  const killed = mine.filter((m) => detected.has(m.status)).length;
  const score = mine.length ? (100 * killed) / mine.length : 100;
  if (score < TARGET) failing += 1;
  const shown = `${score.toFixed(1)}%`;
  rows.push([
    exercise.id,
    String(mine.length),
    String(killed),
    String(mine.length - killed),
    score < TARGET ? pc.red(shown) : pc.green(shown),
    `>= ${TARGET}%`,
  ]);
  for (const m of mine.filter((x) => !detected.has(x.status))) {
    const where = `${relative(ROOT, m.fileName)}:${m.location.start.line}:${m.location.start.column + 1}`;
    survivors.push(
      `${where}  ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no test runs it)' : ''}: ${JSON.stringify(m.replacement)}`,
    );
  }
}
console.log();
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => stripped(r[i]!).length)));
for (const [i, r] of rows.entries()) {
  const line = r
    .map((c, j) =>
      j === 0 ? c.padEnd(widths[j]!) : ' '.repeat(widths[j]! - stripped(c).length) + c,
    )
    .join('  ');
  console.log(i === 0 ? pc.bold(line) : line);
}
if (survivors.length) {
  console.log(pc.bold('\nSurvivors (each must be a message string or an argued equivalent):'));
  for (const s of survivors) console.log(`  ${s}`);
}
console.log(pc.dim('\nThe full report: report/mutation.html'));
process.exitCode = failing ? 1 : 0;

function stripped(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}
