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

export interface Catalog {
  exercises: Exercise[];
  /** One line per exercise folder that could not be loaded (missing or invalid meta.json). */
  problems: string[];
}

/**
 * Every loadable exercise in course order. A folder whose meta.json is missing or invalid is
 * skipped and reported, so a learner's runner still serves the other exercises.
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
      if (!existsSync(metaFile)) {
        throw new Error(`${metaFile}: missing; every exercise needs a meta.json.`);
      }
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
      problems.push((err as Error).message);
    }
  }
  return { exercises, problems };
}

/** Every exercise, in course order; for authors, a broken meta.json is an error (its one line). */
export function loadExercises(exercisesDir = EXERCISES_DIR): Exercise[] {
  const { exercises, problems } = loadCatalog(exercisesDir);
  if (problems.length) throw new Error(problems.join('\n'));
  return exercises;
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
