import { join, resolve } from 'node:path';

// Kept free of dependencies: the canonical tests import these, and every import slows a re-run.

/** The pack's root folder (where package.json lives). */
export const ROOT = resolve(import.meta.dirname, '..');
export const EXERCISES_DIR = join(ROOT, 'exercises');
export const SOLUTIONS_DIR = join(ROOT, 'solutions');

/** Folder names like `01-lazy-range`: the number gives the course order, the rest the slug. */
export const EXERCISE_FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
