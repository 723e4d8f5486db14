/**
 * The exercises as the runner sees them: the catalog (lib/catalog.ts), with one line per broken
 * folder, and the paths of each exercise's files in the current KATA_DIR.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXERCISES_DIR,
  loadCatalog as loadLibCatalog,
  ROOT,
  UsageError,
  type Catalog,
  type Exercise,
} from '../lib/catalog.ts';
import { kataDir } from '../lib/kata-dir.ts';
import { fingerprint } from './state.ts';

/** The catalog, one line per broken folder ("skipped <id>: ...") instead of an error. */
export function loadCatalog(exercisesDir = EXERCISES_DIR): Catalog {
  const catalog = loadLibCatalog(exercisesDir);
  return { ...catalog, problems: catalog.problems.map((p) => `skipped ${folderOf(p)}: ${p}`) };
}

function folderOf(problem: string): string {
  return /(\d{2}-[a-z0-9-]+)[\\/]meta\.json/.exec(problem)?.[1] ?? 'an exercise';
}

/**
 * The current KATA_DIR, checked: a folder that does not exist is a usage error, reported once
 * instead of as a missing file in every exercise.
 */
export function learnerDir(): string {
  const dir = kataDir();
  if (!existsSync(dir)) {
    throw new UsageError(
      `KATA_DIR=${process.env.KATA_DIR} is not a folder; point it at one shaped like exercises/, or unset it.`,
    );
  }
  return dir;
}

/** The file the learner edits: `<KATA_DIR>/NN-slug/slug.ts`. */
export function learnerFile(exercise: Exercise, dir = kataDir()): string {
  return join(dir, exercise.id, exercise.stubFile);
}

/** The canonical test file, always under exercises/. */
export function testFile(exercise: Exercise): string {
  return join(exercise.dir, exercise.testFile);
}

export function readmeFile(exercise: Exercise): string {
  return join(exercise.dir, 'README.md');
}

let shared: string | undefined;

/** The pack's own code a verdict depends on: the test helpers and the checker. */
function sharedFingerprint(): string {
  shared ??= fingerprint(
    ['lib', 'checker']
      .flatMap((folder) => {
        const base = join(ROOT, folder);
        return existsSync(base)
          ? readdirSync(base, { recursive: true, encoding: 'utf8' }).map((f) => join(base, f))
          : [];
      })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort(),
  );
  return shared;
}

/**
 * What a verdict depends on: the learner's file, the tests, the metadata (checker rules) and the
 * pack's shared code. A remembered verdict with the same fingerprint still holds.
 */
export function exerciseFingerprint(exercise: Exercise, dir = kataDir()): string {
  return fingerprint([
    learnerFile(exercise, dir),
    testFile(exercise),
    join(exercise.dir, 'meta.json'),
  ]).concat(sharedFingerprint());
}
