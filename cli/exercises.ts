/**
 * The exercises as the runner sees them: the catalog (lib/catalog.ts) loaded so that one broken
 * folder is reported instead of stopping the runner, and the paths of each exercise's files in
 * the current KATA_DIR.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXERCISE_FOLDER,
  EXERCISES_DIR,
  parseFolderName,
  ROOT,
  UsageError,
  type Exercise,
} from '../lib/catalog.ts';
import { kataDir } from '../lib/kata-dir.ts';
import { parseMeta } from '../lib/meta.ts';
import { fingerprint } from './state.ts';

export interface Catalog {
  exercises: Exercise[];
  /** One line per exercise folder that could not be loaded (missing or invalid meta.json). */
  problems: string[];
}

/**
 * Every loadable exercise in course order. Unlike `loadExercises`, a folder whose meta.json is
 * missing or invalid is skipped and reported, so the other exercises still run.
 */
export function loadCatalog(exercisesDir = EXERCISES_DIR): Catalog {
  const exercises: Exercise[] = [];
  const problems: string[] = [];
  const ids = readdirSync(exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && EXERCISE_FOLDER.test(d.name))
    .map((d) => d.name)
    .sort();
  for (const id of ids) {
    const { number, slug } = parseFolderName(id)!;
    const dir = join(exercisesDir, id);
    const metaFile = join(dir, 'meta.json');
    try {
      if (!existsSync(metaFile)) throw new Error(`${metaFile}: missing; every exercise needs one.`);
      const meta = parseMeta(readFileSync(metaFile, 'utf8'), metaFile);
      exercises.push({
        id,
        number,
        slug,
        dir,
        stubFile: `${slug}.ts`,
        testFile: `${slug}.test.ts`,
        meta,
      });
    } catch (err) {
      problems.push(`skipped ${id}: ${(err as Error).message}`);
    }
  }
  return { exercises, problems };
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
