import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMeta, type Meta } from './meta.ts';
import { EXERCISE_FOLDER, EXERCISES_DIR } from './paths.ts';

export { EXERCISE_FOLDER, EXERCISES_DIR, ROOT, SOLUTIONS_DIR } from './paths.ts';

export interface Exercise {
  /** `01-lazy-range` */
  id: string;
  number: number;
  slug: string;
  /** Absolute path of the exercise folder under exercises/. */
  dir: string;
  /** File names inside the folder (the same names in solutions/ and in a submission). */
  stubFile: string;
  testFile: string;
  meta: Meta;
}

export function parseFolderName(name: string): { number: number; slug: string } | undefined {
  const m = EXERCISE_FOLDER.exec(name);
  return m ? { number: Number(m[1]), slug: m[2]! } : undefined;
}

/** Every exercise folder, in course order. Throws one line per broken meta.json. */
export function loadExercises(exercisesDir = EXERCISES_DIR): Exercise[] {
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && EXERCISE_FOLDER.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const { number, slug } = parseFolderName(id)!;
      const dir = join(exercisesDir, id);
      const metaFile = join(dir, 'meta.json');
      if (!existsSync(metaFile)) {
        throw new Error(`${metaFile}: missing; every exercise needs a meta.json.`);
      }
      const meta = parseMeta(readFileSync(metaFile, 'utf8'), metaFile);
      return { id, number, slug, dir, stubFile: `${slug}.ts`, testFile: `${slug}.test.ts`, meta };
    });
}

/**
 * Finds an exercise by number (`3`, `03`), id (`03-generator-states`) or slug.
 * Throws a one-line error listing what exists when nothing matches.
 */
export function findExercise(exercises: Exercise[], query: string): Exercise {
  const q = query.trim().toLowerCase();
  const found = exercises.find(
    (e) => e.id === q || e.slug === q || (/^\d+$/.test(q) && e.number === Number(q)),
  );
  if (!found) {
    const known = exercises.map((e) => `${e.number} (${e.slug})`).join(', ');
    throw new UsageError(`no exercise "${query}"; the exercises are: ${known}.`);
  }
  return found;
}

/** A mistake in how a command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
