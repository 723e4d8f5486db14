// `npm test`: the pack's self-check. Each step prints ✓ or ✗ with the file and the fix; the last
// line counts the steps. Formatting and type-checking run as child processes alongside the rest.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import pc from 'picocolors';
import { loadAntis, loadVariants, type Anti, type Variant } from '../lib/anti.ts';
import { loadExercises, ROOT, SOLUTIONS_DIR, type Exercise } from '../lib/catalog.ts';
import { tableIsFresh } from '../lib/readme-table.ts';
import { fullName, runBatches, runTests, type ModuleOutcome } from '../lib/run-tests.ts';
import { structureProblems } from '../lib/selfcheck/structure.ts';
import { checkExercise, checkFile } from '../checker/index.ts';

interface StepResult {
  ok: boolean;
  /** One line each: where, what, and the fix. */
  details: string[];
  summary?: string;
}

const exec = promisify(execFile);
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const results: { name: string; result: StepResult }[] = [];

async function step(name: string, run: () => Promise<StepResult> | StepResult): Promise<void> {
  const started = performance.now();
  let result: StepResult;
  try {
    result = await run();
  } catch (err) {
    result = { ok: false, details: [(err as Error).message] };
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mark = result.ok ? pc.green('✓') : pc.red('✗');
  console.log(
    `${mark} ${name}${result.summary ? `: ${result.summary}` : ''} ${pc.dim(`(${seconds}s)`)}`,
  );
  for (const line of result.details.slice(0, 40)) console.log(`    ${line}`);
  if (result.details.length > 40) console.log(`    ... and ${result.details.length - 40} more`);
  results.push({ name, result });
}

/** A child process's failure as lines, or success. */
async function command(file: string, args: string[], fix: string): Promise<StepResult> {
  try {
    await exec(file, args, { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    return { ok: true, details: [] };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message;
    const lines = out.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
    return { ok: false, details: [...lines, pc.yellow(`fix: ${fix}`)] };
  }
}

const count = (modules: ModuleOutcome[], state: string) =>
  modules.reduce((n, m) => n + m.tests.filter((t) => t.state === state).length, 0);
const total = (modules: ModuleOutcome[]) => modules.reduce((n, m) => n + m.tests.length, 0);

// Slow child processes first, so they overlap with the in-process steps.
const formatting = command(bin('prettier'), ['--check', '--log-level=warn', '.'], 'npm run format');
const typing = command(bin('tsc'), ['-p', '.', '--pretty', 'false'], 'fix the type errors above');

let exercises: Exercise[] = [];
await step('exercise metadata and layout', () => {
  exercises = loadExercises();
  const details = exercises
    .flatMap((e) => structureProblems(e))
    .map((p) => `${p.file}: ${p.message}`);
  return { ok: details.length === 0, details, summary: `${exercises.length} exercises` };
});

await step('README exercise table is up to date', async () =>
  (await tableIsFresh(exercises))
    ? { ok: true, details: [] }
    : {
        ok: false,
        details: ['README.md: the table differs from the metadata. fix: npm run readme'],
      },
);

await step('tooling tests', async () => {
  const modules = await runTests(['lib/', 'cli/', 'checker/', 'scripts/']);
  const details = failures(modules, 'failed');
  return {
    ok: details.length === 0,
    details,
    summary: `${count(modules, 'passed')}/${total(modules)} pass`,
  };
});

await step('every solution passes every test', async () => {
  const modules = await runTests(['exercises/'], SOLUTIONS_DIR);
  const details = failures(modules, 'failed').map(
    (d) => `${d} ${pc.yellow('(fix the solution or the test)')}`,
  );
  return {
    ok: details.length === 0 && total(modules) > 0,
    details,
    summary: `${count(modules, 'passed')}/${total(modules)} pass`,
  };
});

await step('every stub fails every test', async () => {
  const modules = await runTests(['exercises/']);
  const details = [
    // A stub that does not load hides its tests: each must fail on its own, by name.
    ...modules.flatMap((m) =>
      m.loadErrors.map(
        (e) =>
          `${m.file}: the stub does not load (${e}) ${pc.yellow('fix: make the stub load; only its calls throw')}`,
      ),
    ),
    ...failures(modules, 'passed').map(
      (d) => `${d} ${pc.yellow("passes unsolved: make it depend on the learner's code")}`,
    ),
  ];
  return {
    ok: details.length === 0 && total(modules) > 0,
    details,
    summary: `${count(modules, 'failed')}/${total(modules)} fail`,
  };
});

await step('checker finds nothing in the solutions', () => {
  const findings = exercises.flatMap((e) => checkExercise(e, SOLUTIONS_DIR));
  return {
    ok: findings.length === 0,
    details: findings.map(
      (f) => `${relative(ROOT, f.file)}:${f.line}:${f.column} ${f.rule}: ${f.message}`,
    ),
    summary: `${exercises.length} solutions`,
  };
});

await step('every anti-solution is rejected for its stated reason', () => antiSolutions(exercises));

await step('every honest variant passes every test and the checker', () => variants(exercises));

await step('formatting (prettier --check)', () => formatting);
await step('types (tsc)', () => typing);

const failed = results.filter((r) => !r.result.ok);
console.log();
if (failed.length) console.log(pc.red(`failed: ${failed.map((r) => r.name).join('; ')}`));
console.log(`selfcheck: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);

/** Tests in `state` (with load errors, which count as failures of their file), one line each. */
function failures(modules: ModuleOutcome[], state: 'passed' | 'failed'): string[] {
  const lines: string[] = [];
  for (const m of modules) {
    if (state === 'failed')
      for (const e of m.loadErrors) lines.push(`${m.file}: could not run: ${e}`);
    for (const t of m.tests) {
      if (t.state === state)
        lines.push(`${m.file} > ${fullName(t)}${t.failure ? `: ${t.failure.message}` : ''}`);
    }
  }
  return lines;
}

/**
 * Rule-rejected anti-solutions go through the checker; test-rejected ones run the canonical tests
 * from a temporary folder shaped like exercises/, one anti-solution per exercise per round.
 */
async function antiSolutions(all: Exercise[]): Promise<StepResult> {
  const details: string[] = [];
  const byTest: { exercise: Exercise; anti: Anti & { rejectedBy: { test: string } } }[][] = [];
  let checked = 0;
  for (const exercise of all) {
    const dir = join(SOLUTIONS_DIR, exercise.id);
    const antis = loadAntis(dir);
    const files = [...new Set(antis.filter((a) => 'test' in a.rejectedBy).map((a) => a.file))];
    for (const anti of antis) {
      checked += 1;
      const where = relative(ROOT, join(dir, 'anti', anti.file));
      if ('rule' in anti.rejectedBy) {
        const rule = anti.rejectedBy.rule;
        const findings = checkFile(join(dir, 'anti', anti.file), exercise.meta.checks);
        if (!findings.some((f) => f.rule === rule)) {
          const got = findings.map((f) => f.rule).join(', ') || 'nothing';
          details.push(
            `${where}: expected checker rule ${rule}, got ${got}. fix: the rule or anti.json`,
          );
        }
      } else {
        const round = files.indexOf(anti.file);
        (byTest[round] ??= []).push({ exercise, anti: anti as never });
      }
    }
  }
  // Each round is a folder shaped like exercises/ holding one anti-solution per exercise; all
  // rounds run in one vitest instance, and only the named tests run.
  const tmp = mkdtempSync(join(tmpdir(), 'yield-katas-anti-'));
  try {
    const batches = byTest.map((round, r) => {
      for (const { exercise, anti } of round) {
        const target = join(tmp, `round-${r}`, exercise.id);
        cpSync(join(SOLUTIONS_DIR, exercise.id), target, { recursive: true });
        cpSync(join(target, 'anti', anti.file), join(target, exercise.stubFile));
      }
      return {
        kataDir: join(tmp, `round-${r}`),
        exerciseIds: [...new Set(round.map((x) => x.exercise.id))],
      };
    });
    const names = byTest.flat().map((x) => x.anti.rejectedBy.test.split(' > ').at(-1)!);
    const outcomes = await runBatches(batches, names);
    byTest.forEach((round, r) => {
      for (const { exercise, anti } of round) {
        const where = relative(ROOT, join(SOLUTIONS_DIR, exercise.id, 'anti', anti.file));
        const module = outcomes[r]!.find((m) => m.file.includes(`/${exercise.id}/`));
        const test = module?.tests.find((t) => fullName(t) === anti.rejectedBy.test);
        if (!test) {
          const why = module?.loadErrors[0] ?? 'no such test';
          details.push(
            `${where}: test "${anti.rejectedBy.test}" did not run (${why}). fix: anti.json`,
          );
        } else if (test.state !== 'failed') {
          details.push(
            `${where}: test "${anti.rejectedBy.test}" ${test.state}; it must fail. fix: the test or anti.json`,
          );
        }
      }
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { ok: details.length === 0, details, summary: `${checked} rejections` };
}

/**
 * Honest variants (solutions/NN-slug/variants/*.ts) are other styles of correct solution: each
 * must pass every test of its exercise and get no essential finding, or the checker or a test
 * accuses honest code. One variant per exercise per round, all rounds in one vitest instance.
 */
async function variants(all: Exercise[]): Promise<StepResult> {
  const details: string[] = [];
  const rounds: { exercise: Exercise; variant: Variant }[][] = [];
  for (const exercise of all) {
    const dir = join(SOLUTIONS_DIR, exercise.id);
    loadVariants(dir).forEach((variant, i) => {
      (rounds[i] ??= []).push({ exercise, variant });
      const file = join(dir, 'variants', variant.file);
      for (const f of checkFile(file, exercise.meta.checks)) {
        if (f.severity !== 'essential') continue;
        details.push(
          `${relative(ROOT, file)}:${f.line}:${f.column}: the checker rejects this honest variant (${variant.style}): ${f.rule}: ${f.message} ${pc.yellow('fix: the rule, or drop the variant if it is not honest')}`,
        );
      }
    });
  }
  const count = rounds.reduce((n, r) => n + r.length, 0);
  const tmp = mkdtempSync(join(tmpdir(), 'yield-katas-variants-'));
  try {
    const batches = rounds.map((round, r) => {
      for (const { exercise, variant } of round) {
        const target = join(tmp, `round-${r}`, exercise.id);
        cpSync(join(SOLUTIONS_DIR, exercise.id), target, { recursive: true });
        cpSync(join(target, 'variants', variant.file), join(target, exercise.stubFile));
      }
      return {
        kataDir: join(tmp, `round-${r}`),
        exerciseIds: round.map((x) => x.exercise.id),
      };
    });
    const outcomes = batches.length ? await runBatches(batches) : [];
    rounds.forEach((round, r) => {
      for (const { exercise, variant } of round) {
        const where = relative(ROOT, join(SOLUTIONS_DIR, exercise.id, 'variants', variant.file));
        const module = outcomes[r]!.find((m) => m.file.includes(`/${exercise.id}/`));
        if (!module || module.loadErrors.length) {
          details.push(
            `${where}: its tests did not run (${module?.loadErrors[0] ?? 'no test file'})`,
          );
          continue;
        }
        for (const t of module.tests.filter((t) => t.state !== 'passed')) {
          details.push(
            `${where}: test "${fullName(t)}" ${t.state} for this honest variant (${variant.style})${t.failure ? `: ${t.failure.message}` : ''} ${pc.yellow('fix: the test, or the variant')}`,
          );
        }
      }
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { ok: details.length === 0, details, summary: `${count} variants` };
}
