/** `kata check`: which files to check, then a reporter and an exit code. */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { EXERCISES_DIR, findExercise, loadExercises } from '../lib/catalog.ts';
import { checkSources } from './engine.ts';
import { compileChecks } from './registry.ts';
import { fails, renderJson, renderPretty, shown } from './report.ts';

export interface CheckCommandEnv {
  /** Where the exercises' meta.json live; DIR's folders mirror it. */
  exercisesDir: string;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultEnv = (): CheckCommandEnv => ({
  exercisesDir: EXERCISES_DIR,
  cwd: process.cwd(),
  out: (t) => console.log(t),
  err: (t) => console.error(t),
});

export function runCheck(
  dir: string | undefined,
  options: { exercise?: string; json?: boolean },
  env: CheckCommandEnv = defaultEnv(),
): number {
  try {
    const folder = dir === undefined ? env.exercisesDir : resolve(env.cwd, dir);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new Error(
        `no folder "${dir}"; pass a folder shaped like exercises/ (NN-slug/<slug>.ts).`,
      );
    }
    const all = loadExercises(env.exercisesDir);
    const exercises = options.exercise === undefined ? all : [findExercise(all, options.exercise)];
    // Authoring mistakes in meta.json name the file before anything is checked.
    for (const e of exercises) compileChecks(e.meta.checks, `${join(e.dir, 'meta.json')}: checks`);
    const findings = checkSources(
      exercises.map((e) => ({ path: join(folder, e.id, e.stubFile), checks: e.meta.checks })),
    );
    const results = exercises.map((e) => ({
      exercise: e.id,
      findings: findings.filter((f) => f.file.startsWith(join(folder, e.id) + sep)),
    }));
    const where = shown(env.cwd, folder) || '.';
    env.out(options.json ? renderJson(results) : renderPretty(results, where, env.cwd));
    return findings.some(fails) ? 1 : 0;
  } catch (err) {
    env.err(`kata check: ${(err as Error).message}`);
    return 2;
  }
}
