// The classroom grader: a generated class graded by `kata grade` against bare
// `KATA_DIR=<submission> vitest run exercises` over the same submissions one after another; peak
// memory of the grader and of one submission's run; a re-run over the graded class.
// BENCH_SUBMISSIONS sets the class size (default 30: a third each solved, stubs, anti-solutions).
// BENCH_DISTINCT=1 adds a comment to each copy of a stub, so that none is graded as untouched.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { loadAntis } from '../../lib/anti.ts';
import {
  EXERCISES_DIR,
  loadCatalog,
  ROOT,
  SOLUTIONS_DIR,
  type Exercise,
} from '../../lib/catalog.ts';
import { stageSubmission } from '../../lib/grade/stage.ts';
import { TypeChecker } from '../../lib/grade/typecheck.ts';
import { env, kataBin, median, mib, ratio, runGroupCapped, table, vitestBin } from './util.ts';

export const title = 'grader';

const TIME_TARGET = 0.6;
const RERUN_TARGET_MS = 2000;
/**
 * A bare vitest run never ends on an endless loop: it is stopped after the grader's own default
 * limit per exercise (20 s), in its favour, since the grader still grades the rest.
 */
const BARE_CAP_MS = 20_000;

export async function run(): Promise<void> {
  const size = Number(process.env.BENCH_SUBMISSIONS ?? 30);
  const exercises = loadCatalog().exercises;
  const dir = mkdtempSync(join(tmpdir(), 'bench-grader-'));
  try {
    const cls = join(dir, 'class');
    const distinct = process.env.BENCH_DISTINCT === '1';
    generateClass(cls, exercises, size, distinct);
    console.log(
      pc.bold(
        `\nGrader: ${size} generated submissions (solved, stubs, anti-solutions with an endless loop), ${exercises.length} exercises${distinct ? ', every stub copy edited' : ''}`,
      ),
    );

    // Baseline: bare vitest over each submission, one after another.
    let bare = 0;
    let capped = 0;
    for (let i = 0; i < size; i++) {
      const t0 = performance.now();
      const r = await runGroupCapped([vitestBin, 'run', 'exercises', '--project', 'exercises'], {
        cwd: ROOT,
        env: { ...env, KATA_DIR: join(cls, student(i)) },
        capMs: BARE_CAP_MS,
      });
      if (r.capped) capped += 1;
      bare += performance.now() - t0;
    }

    const out = join(dir, 'out');
    const graded = timeKata(['grade', cls, '--out', out, '--fresh', '--format', 'json']);
    const again = timeKata(['grade', cls, '--out', out, '--format', 'json']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      submissions: { status: string; exercises: { untouched?: boolean }[] }[];
    };

    // Peak memory: the grader's own process, and one sandboxed run (the child reports its own).
    const probe = join(dir, 'probe.mts');
    writeFileSync(
      probe,
      `import { gradeClass } from ${JSON.stringify(join(ROOT, 'lib/grade/grader.ts'))};
import { discoverSubmissions } from ${JSON.stringify(join(ROOT, 'lib/grade/discover.ts'))};
let child = 0;
await gradeClass({ submissions: discoverSubmissions([${JSON.stringify(join(cls, student(0)))}]),
  out: ${JSON.stringify(join(dir, 'out-probe'))}, timeoutMs: 20000, checker: 'withhold', fresh: true,
  onRun: (_s, r) => { child = Math.max(child, r.maxRssKiB ?? 0); } });
console.log(JSON.stringify({ grader: process.resourceUsage().maxRSS, child }));`,
    );
    const mem = spawnSync(process.execPath, ['--import', 'tsx', probe], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    const peaks = JSON.parse(mem.stdout.trim().split('\n').pop() ?? '{}') as {
      grader?: number;
      child?: number;
    };
    const typing = typeCheckCost(exercises, join(dir, 'typed'));
    const emptyNode = spawnSync(
      process.execPath,
      ['-e', 'console.log(process.resourceUsage().maxRSS)'],
      {
        encoding: 'utf8',
      },
    );

    table([
      ['figure', 'grader', 'baseline', 'ratio', 'target'],
      [
        `grade ${size} submissions`,
        `${(graded / 1000).toFixed(1)} s`,
        `${(bare / 1000).toFixed(1)} s bare vitest, one by one${capped ? ` (${capped} stopped at ${BARE_CAP_MS / 1000} s)` : ''}`,
        mark(ratio(graded, bare), graded / bare <= TIME_TARGET),
        `<= ${TIME_TARGET}x`,
      ],
      [
        're-run over the graded class',
        `${again.toFixed(0)} ms`,
        `${graded.toFixed(0)} ms first run`,
        mark(ratio(again, graded), again < RERUN_TARGET_MS),
        `< ${RERUN_TARGET_MS} ms`,
      ],
      [
        'peak memory, grader',
        peaks.grader ? mib(peaks.grader) : '?',
        `${mib(Number(emptyNode.stdout))} empty node`,
        '',
        '',
      ],
      ['peak memory, one submission', peaks.child ? mib(peaks.child) : '?', '', '', ''],
      [
        'type check, one submission (solutions/)',
        `${typing.warm.toFixed(0)} ms (first ${typing.cold.toFixed(0)} ms)`,
        `${(bare / size).toFixed(0)} ms bare vitest per submission`,
        ratio(typing.warm, bare / size),
        '',
      ],
    ]);
    const errors = report.submissions.filter((s) => s.status === 'error').length;
    const untouched = report.submissions.flatMap((s) => s.exercises).filter((e) => e.untouched);
    console.log(
      `${report.submissions.length} submissions in the report, ${errors} could not be graded; ` +
        `${untouched.length} exercises handed in as the stub took the grade of one run of the stubs`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeKata(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [kataBin, ...args], { cwd: ROOT, env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`kata ${args.join(' ')} exited with ${r.status}`);
  return performance.now() - t0;
}

const mark = (text: string, ok: boolean) => (ok ? pc.green(text) : pc.red(text));
const student = (i: number) => `student-${String(i).padStart(2, '0')}`;

/**
 * A third solved, a third untouched stubs, a third anti-solutions (a different one per exercise
 * per student) with one exercise whose file loops for ever when loaded.
 */
export function generateClass(
  cls: string,
  exercises: Exercise[],
  size: number,
  distinct = false,
): void {
  for (let i = 0; i < size; i++) {
    const kind = i % 3;
    const root = join(cls, student(i));
    for (const [k, e] of exercises.entries()) {
      const target = join(root, e.id);
      mkdirSync(target, { recursive: true });
      const learner = join(target, e.stubFile);
      if (kind === 0)
        cpSync(join(SOLUTIONS_DIR, e.id), target, {
          recursive: true,
          filter: (p) => !p.includes('/anti'),
        });
      else if (kind === 1) cpSync(join(EXERCISES_DIR, e.id, e.stubFile), learner);
      else {
        const antis = existsSync(join(SOLUTIONS_DIR, e.id, 'anti'))
          ? loadAntis(join(SOLUTIONS_DIR, e.id))
          : [];
        const anti = antis[i % Math.max(1, antis.length)];
        cpSync(
          anti
            ? join(SOLUTIONS_DIR, e.id, 'anti', anti.file)
            : join(EXERCISES_DIR, e.id, e.stubFile),
          learner,
        );
        if (k === Math.floor(i / 3) % exercises.length)
          writeFileSync(learner, `${readFileSync(learner, 'utf8')}\nfor (;;) {}\n`);
      }
      const stub = readFileSync(join(EXERCISES_DIR, e.id, e.stubFile));
      if (distinct && readFileSync(learner).equals(stub))
        writeFileSync(learner, `${stub.toString('utf8')}// ${student(i)}\n`);
    }
  }
}

/**
 * The type check of one submission (a copy of solutions/) in the grader: the first includes
 * parsing the lib and @types/node declarations, which later submissions share.
 */
function typeCheckCost(exercises: Exercise[], target: string): { cold: number; warm: number } {
  const staged = stageSubmission(SOLUTIONS_DIR, exercises, target);
  let t0 = performance.now();
  const checker = new TypeChecker();
  checker.check(target, staged.files);
  const cold = performance.now() - t0;
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    checker.check(target, staged.files);
    samples.push(performance.now() - t0);
  }
  return { cold, warm: median(samples) };
}
