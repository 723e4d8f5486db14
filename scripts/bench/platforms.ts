// The grading platforms: Gradescope's run_autograder, from the exported zip, on one submission
// holding every solution, beside a bare vitest run of the same submission. BENCH_RUNS sets the
// samples.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { loadCatalog, ROOT, SOLUTIONS_DIR } from '../../lib/catalog.ts';
import { unzipSubmission } from '../../lib/grade/unzip.ts';
import { env, kataBin, median, ratio, RUNS, table, vitestBin } from './util.ts';

export const title = 'platforms';

/** Gradescope's default budget is 10 minutes; the target keeps well inside it on 2 cores. */
const TARGET_MS = 60_000;

export async function run(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'bench-platforms-'));
  try {
    const zip = join(work, 'autograder.zip');
    must(spawnSync(process.execPath, [kataBin, 'export', 'gradescope', '--out', zip], { env }));
    const tree = join(work, 'autograder');
    await unzipSubmission(zip, join(tree, 'source'));
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'source', 'node_modules'));
    // One submission holding every exercise's solution, anti-solutions left out.
    const exercises = loadCatalog().exercises;
    for (const e of exercises) {
      cpSync(join(SOLUTIONS_DIR, e.id), join(tree, 'submission', e.id), {
        recursive: true,
        filter: (src) => !src.includes('/anti'),
      });
    }
    const submission = join(tree, 'submission');
    const files = exercises.map((e) => `exercises/${e.id}/${e.testFile}`);

    console.log(
      pc.bold(
        `\nGradescope: run_autograder on one submission of ${exercises.length} exercises (median of ${RUNS})`,
      ),
    );
    const grader: number[] = [];
    const bare: number[] = [];
    let score = '';
    for (let i = 0; i < RUNS; i++) {
      // Alternate the two so that a noisy moment on the machine hits both alike.
      bare.push(
        timed(() =>
          spawnSync(process.execPath, [vitestBin, 'run', ...files], {
            cwd: ROOT,
            env: { ...env, KATA_DIR: submission },
          }),
        ),
      );
      grader.push(
        timed(() =>
          must(
            spawnSync('bash', [join(tree, 'source', 'run_autograder')], {
              env: { ...env, AUTOGRADER_ROOT: tree },
            }),
          ),
        ),
      );
      const results = JSON.parse(readFileSync(join(tree, 'results', 'results.json'), 'utf8'));
      score = `${results.score}`;
    }
    const [g, b] = [median(grader), median(bare)];
    table([
      ['figure', 'time', 'target'],
      [
        'run_autograder',
        mark(`${(g / 1000).toFixed(1)} s`, g < TARGET_MS),
        `< ${TARGET_MS / 1000} s`,
      ],
      ['bare vitest run (baseline)', `${(b / 1000).toFixed(1)} s`, ''],
      ['ratio', ratio(g, b), ''],
    ]);
    console.log(`score written: ${score} (every solution)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const mark = (text: string, ok: boolean) => (ok ? text : pc.red(text));

function timed(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function must<T extends { status: number | null; stderr: unknown }>(r: T): T {
  if (r.status !== 0) throw new Error(`command failed: ${String(r.stderr).slice(-500)}`);
  return r;
}
