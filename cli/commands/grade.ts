/**
 * `kata grade <path...>`: grades a class of submissions (lib/grade/ does the work) and writes the
 * reports chosen with --format into --out. Exit 0 when grading finished, whatever the scores;
 * 1 when a submission could not be graded at all; 2 for a usage error; 130 after Ctrl-C.
 */
import { mkdirSync } from 'node:fs';
import { findExercise, loadCatalog, UsageError, type Exercise } from '../../lib/catalog.ts';
import { CHECKER_MODES, type CheckerMode } from '../../lib/model.ts';

export interface GradeCommandOptions {
  out: string;
  timeout: number;
  checker: string;
  format: string;
  fresh?: boolean;
  concurrency?: number;
  /** Comma-separated exercise ids or numbers (`05-send,7`); default all. */
  exercises?: string;
}

export async function grade(paths: string[], options: GradeCommandOptions): Promise<number> {
  const { REPORTERS } = await import('../../lib/grade/reporters/index.ts');
  const { discoverSubmissions } = await import('../../lib/grade/discover.ts');
  const { gradeClass } = await import('../../lib/grade/grader.ts');
  const { Progress } = await import('../../lib/grade/reporters/terminal.ts');

  if (!(CHECKER_MODES as readonly string[]).includes(options.checker)) {
    throw new UsageError(
      `--checker ${options.checker} is not a mode; use one of ${CHECKER_MODES.join(', ')}.`,
    );
  }
  const formats =
    options.format === 'all'
      ? Object.keys(REPORTERS)
      : options.format.split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => !REPORTERS[f]);
  if (unknown.length) {
    throw new UsageError(
      `no report format "${unknown[0]}"; use all or some of ${Object.keys(REPORTERS).join(', ')}.`,
    );
  }
  const exercises = options.exercises ? pickExercises(options.exercises) : undefined;
  const submissions = discoverSubmissions(paths);
  mkdirSync(options.out, { recursive: true });

  const abort = new AbortController();
  const onInterrupt = () => {
    process.stderr.write('\nkata grade: stopping; writing the reports of what is graded.\n');
    abort.abort();
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  const progress = new Progress(submissions.length);
  let report;
  try {
    report = await gradeClass({
      submissions,
      out: options.out,
      timeoutMs: options.timeout * 1000,
      checker: options.checker as CheckerMode,
      fresh: options.fresh ?? false,
      ...(options.concurrency && { concurrency: options.concurrency }),
      ...(exercises && { exercises }),
      signal: abort.signal,
      onGraded: (g, done) => progress.graded(g, done),
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
  for (const name of formats) await REPORTERS[name]!.write(report, options.out);
  if (report.interrupted) return 130;
  return report.submissions.some((s) => s.status === 'error') ? 1 : 0;
}

/** The exercises named by number, id or slug (`5,07-return-values`), in the course's order. */
function pickExercises(list: string): Exercise[] {
  const all = loadCatalog().exercises;
  const picked = new Set(list.split(',').map((name) => findExercise(all, name)));
  return all.filter((e) => picked.has(e));
}
