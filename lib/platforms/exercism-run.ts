/**
 * Exercism's test-runner interface: `run.sh <slug> <input_dir> <output_dir>` grades the one
 * exercise in input_dir with the grader and writes output_dir/results.json (version 3). Whatever
 * the tests did, results.json is written; only a missing output folder is a usage error.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadCatalog, UsageError } from '../catalog.ts';
import { gradeClass } from '../grade/grader.ts';
import type { CheckerMode } from '../model.ts';
import { exercismResults } from './exercism.ts';
import type { ExercismResults } from './exercism-schema.ts';
import { testSources } from './test-code.ts';
import { writeJsonAtomic } from './write.ts';

export interface ExercismRunOptions {
  slug: string;
  input: string;
  output: string;
  timeoutMs: number;
  checker: CheckerMode;
}

export async function runExercism(o: ExercismRunOptions): Promise<ExercismResults> {
  if (!existsSync(o.output) || !statSync(o.output).isDirectory()) {
    throw new UsageError(`no output folder ${o.output}: create it, then run again.`);
  }
  const file = join(o.output, 'results.json');
  const error = (message: string): ExercismResults => {
    const r: ExercismResults = { version: 3, status: 'error', message, tests: [] };
    writeJsonAtomic(file, r);
    return r;
  };
  const { exercises } = loadCatalog();
  const exercise = exercises.find((e) => e.slug === o.slug || e.id === o.slug);
  if (!exercise) {
    return error(
      `No exercise "${o.slug}" in this pack; the slugs are: ${exercises.map((e) => e.slug).join(', ')}.`,
    );
  }
  if (!existsSync(o.input) || !statSync(o.input).isDirectory()) {
    return error(`No input folder at ${o.input}.`);
  }
  // The grader reads a folder shaped like exercises/: put the solution under the exercise's id.
  const scratch = mkdtempSync(join(tmpdir(), 'kata-exercism-'));
  try {
    const work = join(scratch, 'submission');
    cpSync(o.input, join(work, exercise.id), {
      recursive: true,
      filter: (src) => !['node_modules', '.git'].includes(basename(src)),
    });
    const report = await gradeClass({
      submissions: [{ student: o.slug, source: o.input, path: work, kind: 'folder' }],
      out: join(scratch, 'out'),
      timeoutMs: o.timeoutMs,
      checker: o.checker,
      fresh: true,
      concurrency: 1,
      exercises: [exercise],
    });
    const submission = report.submissions[0];
    const grade = submission?.exercises[0];
    if (!grade) return error(submission?.reason ?? 'The solution could not be graded.');
    const results = exercismResults(
      grade,
      testSources(join(exercise.dir, exercise.testFile)),
      o.checker,
    );
    writeJsonAtomic(file, results);
    return results;
  } catch (err) {
    return error(`The test runner failed: ${(err as Error).message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
