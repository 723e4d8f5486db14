/**
 * Staging: from one submission, copy only the learner's source files into a scratch folder shaped
 * like exercises/, and list every other file as ignored with the reason. The pack's own tests,
 * configs and dependencies are the only ones the grader ever runs, so a student who edited the
 * tests, added a vitest config or a tsconfig, or linked a system file gains nothing.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { Exercise } from '../catalog.ts';
import { EXERCISE_FOLDER } from '../paths.ts';
import type { IgnoredFile } from '../model.ts';

/** A learner file larger than this is not graded (a learner's kata file is a few KiB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Files looked at per submission before giving up on listing the rest. */
export const MAX_FILES = 5000;

export interface StagedSubmission {
  /** The folder shaped like exercises/ that holds the work (the clone's exercises/ or the root). */
  workDir: string;
  /** Per exercise id: learner files staged, relative to the exercise folder. Absent: missing. */
  files: Map<string, string[]>;
  ignored: IgnoredFile[];
  /** sha256 of the staged files' names and contents. */
  hash: string;
}

/** Thrown when a folder holds no recognisable exercise: the student gets status `error`. */
export class SubmissionError extends Error {
  override name = 'SubmissionError';
}

/**
 * Finds where the work is: a folder shaped like exercises/ (`NN-slug/` folders), or a clone of
 * the pack whose exercises/ holds it.
 */
export function findWorkDir(root: string, depth = 0): string {
  const hasExerciseFolders = (dir: string) =>
    safeList(dir).some((d) => d.isDirectory() && EXERCISE_FOLDER.test(d.name));
  const exercises = join(root, 'exercises');
  if (isRealDir(exercises) && hasExerciseFolders(exercises)) return exercises;
  if (hasExerciseFolders(root)) return root;
  // A zip often wraps the work in one folder named after the student or the pack.
  const folders = safeList(root).filter((d) => d.isDirectory());
  const files = safeList(root).filter((d) => !d.isDirectory());
  if (folders.length === 1 && files.length === 0 && depth < 2)
    return findWorkDir(join(root, folders[0]!.name), depth + 1);
  throw new SubmissionError(
    'no exercise folder (like 01-lazy-range/) here or in an exercises/ folder: ' +
      'hand in a folder shaped like exercises/ or a clone of the pack.',
  );
}

/**
 * Copies the learner files of every exercise of `catalog` from `root` into `target` and lists
 * the rest as ignored. Never follows a link: a link is ignored, whatever it points at.
 */
export function stageSubmission(
  root: string,
  catalog: readonly Exercise[],
  target: string,
): StagedSubmission {
  const workDir = findWorkDir(root);
  const files = new Map<string, string[]>();
  const ignored: IgnoredFile[] = [];
  const taken = new Set<string>();
  const hash = createHash('sha256');

  for (const exercise of catalog) {
    const dir = join(workDir, exercise.id);
    if (!isRealDir(dir)) continue;
    const sources = new Map<string, Buffer>();
    const queue = [exercise.stubFile];
    while (queue.length) {
      const name = queue.shift()!;
      if (sources.has(name)) continue;
      const file = join(dir, name);
      const stat = safeLstat(file);
      if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) continue;
      const text = readFileSync(file);
      sources.set(name, text);
      taken.add(file);
      for (const imported of siblingImports(text.toString('utf8'))) queue.push(imported);
    }
    if (!sources.has(exercise.stubFile)) continue;
    const staged = [...sources.keys()].sort();
    mkdirSync(join(target, exercise.id), { recursive: true });
    for (const name of staged) {
      writeFileSync(join(target, exercise.id, name), sources.get(name)!);
      hash.update(`${exercise.id}/${name}\0`).update(sources.get(name)!).update('\0');
    }
    files.set(exercise.id, staged);
  }

  const known = new Map(catalog.map((e) => [e.id, e]));
  let seen = 0;
  const walk = (dir: string): void => {
    for (const entry of safeList(dir)) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join(posix.sep);
      if (taken.has(path)) continue;
      if (++seen > MAX_FILES) {
        if (seen === MAX_FILES + 1)
          ignored.push({ file: rel, reason: `more than ${MAX_FILES} files: the rest not listed` });
        return;
      }
      const why = ignoreReason(entry, path, rel, known, workDir);
      if (why === undefined) walk(path);
      else ignored.push({ file: entry.isDirectory() ? `${rel}/` : rel, reason: why });
    }
  };
  walk(root);
  ignored.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { workDir, files, ignored, hash: hash.digest('hex') };
}

/** Why a file or folder is not graded, or undefined for a folder to look into. */
function ignoreReason(
  entry: import('node:fs').Dirent,
  path: string,
  rel: string,
  known: Map<string, Exercise>,
  workDir: string,
): string | undefined {
  const name = entry.name;
  if (entry.isSymbolicLink()) return 'a link: links are never followed';
  if (entry.isDirectory()) {
    if (name === 'node_modules') return "dependencies: the pack's own are used";
    if (name === '.git') return 'version control';
    return undefined;
  }
  if (!entry.isFile()) return 'not a regular file';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(name)) return "a test file: the pack's tests are used";
  if (/^(vitest|vite)\.(config|workspace)\.|^tsconfig.*\.json$/.test(name))
    return "a config file: the pack's config is used";
  if (name === 'package.json' || name === 'package-lock.json')
    return "a package file: the pack's dependencies are used";
  const stat = safeLstat(path);
  const folder = rel.split('/').slice(0, -1);
  const exerciseId = path.startsWith(workDir + sep) ? folder.at(-1) : undefined;
  const exercise = exerciseId ? known.get(exerciseId) : undefined;
  if (exercise && name === exercise.stubFile && stat && stat.size > MAX_FILE_BYTES)
    return `larger than ${MAX_FILE_BYTES / 1024} KiB`;
  if (exercise && /\.ts$/.test(name) && !name.endsWith('.d.ts'))
    return `not imported by ${exercise.stubFile}`;
  if (exercise) return 'not a learner source file';
  if (exerciseId && EXERCISE_FOLDER.test(exerciseId)) return 'not an exercise of this pack';
  return 'outside the exercise folders';
}

/**
 * File names of the same folder that a module imports (`./helper`, `./helper.ts`), in order.
 * @example siblingImports("import { a } from './a';") // ['a.ts']
 */
export function siblingImports(source: string): string[] {
  const names: string[] = [];
  const specifier =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])\.\/([A-Za-z0-9_.-]+?)(?:\.[cm]?[jt]s)?\1/g;
  for (const m of source.matchAll(specifier)) names.push(`${m[2]}.ts`);
  return names;
}

function safeList(dir: string): import('node:fs').Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch {
    return [];
  }
}

function safeLstat(path: string): import('node:fs').Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function isRealDir(path: string): boolean {
  return safeLstat(path)?.isDirectory() ?? false;
}
