import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { EXERCISES_DIR, EXERCISE_FOLDER, ROOT } from './paths.ts';

/**
 * The folder whose implementations the canonical tests run against: `KATA_DIR`, or exercises/.
 * Relative paths are taken from the current directory, as a shell user expects.
 */
export function kataDir(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.KATA_DIR?.trim();
  return value ? resolve(value) : EXERCISES_DIR;
}

/**
 * Where the implementation of `file` (say `lazy-range.ts`) for the exercise whose test runs at
 * `testUrl` lives in the current KATA_DIR. Tests that spawn child processes use it.
 */
export function learnerPath(testUrl: string, file: string): string {
  const testFile = new URL(testUrl).pathname;
  return join(kataDir(), basename(dirname(testFile)), file);
}

const MISSING = '\0kata-missing:';

/**
 * A Vite plugin that points the canonical tests at KATA_DIR: a relative import from
 * `exercises/NN-slug/*.test.ts` into its own folder resolves to `<KATA_DIR>/NN-slug/...` instead.
 * The tests stay untouched and type-check against the stubs. A missing folder or file becomes a
 * module that throws a clear error on import, so only that exercise fails, not the whole run.
 *
 * It also pins the TypeScript settings: vite's transform (oxc) otherwise reads the tsconfig.json
 * nearest each file, so one in a learner's folder would change what their code means (class
 * fields, decorators, JSX). Every file compiles with the pack's own tsconfig.json.
 */
export function kataDirPlugin(dir: string = kataDir()): Plugin {
  return {
    name: 'yield-katas:kata-dir',
    enforce: 'pre',
    config: () => ({ tsconfig: join(ROOT, 'tsconfig.json') }),
    resolveId(source, importer) {
      if (!importer || !source.startsWith('./')) return null;
      if (resolve(dir) === EXERCISES_DIR) return null;
      const exerciseDir = dirname(importer);
      if (dirname(exerciseDir) !== EXERCISES_DIR) return null;
      if (!EXERCISE_FOLDER.test(basename(exerciseDir))) return null;
      if (!/\.test\.ts$/.test(importer)) return null;
      const wanted = join(dir, basename(exerciseDir), source.slice(2));
      for (const candidate of [wanted, `${wanted}.ts`]) {
        if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
      }
      return MISSING + (wanted.endsWith('.ts') ? wanted : `${wanted}.ts`);
    },
    load(id) {
      if (!id.startsWith(MISSING)) return null;
      const wanted = id.slice(MISSING.length);
      const rel = relative(process.cwd(), wanted);
      const shown = rel && !rel.startsWith('..') ? rel : wanted;
      const message = existsSync(dir)
        ? `no file at ${shown}: the tests of this exercise need it (KATA_DIR=${dir}). ` +
          `Add it, or copy the stub from exercises${sep}${basename(dirname(wanted))}.`
        : `KATA_DIR=${dir} does not exist: point KATA_DIR at a folder shaped like exercises/.`;
      return `throw new Error(${JSON.stringify(message)});`;
    },
  };
}
