/**
 * `kata reset <n|slug>`: puts an exercise's stub back. The learner's file is kept beside it as
 * `<file>.bak` (`<file>.2.bak`, ... when that exists): nothing the learner wrote is lost.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findExercise, ROOT, UsageError, type Exercise } from '../../lib/catalog.ts';
import { learnerDir, learnerFile, loadCatalog } from '../exercises.ts';
import { print } from '../io.ts';
import { renderOptions, shownPath } from '../render.ts';

export function reset(query: string): number {
  const dir = learnerDir();
  const exercise = findExercise(loadCatalog().exercises, query);
  const file = learnerFile(exercise, dir);
  const stub = originalStub(exercise, file);
  const c = renderOptions().colors;
  const shown = shownPath(file, process.cwd());
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stub);
    print(`${c.green('✓')} Wrote the stub to ${shown}.`);
    return 0;
  }
  if (readFileSync(file, 'utf8') === stub) {
    print(`${shown} is the stub already; nothing to reset.`);
    return 0;
  }
  const backup = freeBackupName(file);
  copyFileSync(file, backup);
  writeFileSync(file, stub);
  print(`${c.green('✓')} ${shown} is the stub again.`);
  print(`Your version is kept in ${shownPath(backup, process.cwd())}.`);
  return 0;
}

/** `<file>.bak`, or `<file>.2.bak`, `<file>.3.bak`, ...: never an existing backup. */
export function freeBackupName(file: string): string {
  if (!existsSync(`${file}.bak`)) return `${file}.bak`;
  for (let n = 2; ; n++) if (!existsSync(`${file}.${n}.bak`)) return `${file}.${n}.bak`;
}

/**
 * The stub as the pack ships it. With KATA_DIR elsewhere, exercises/ still holds it untouched;
 * when the learner edits exercises/ itself, it is the file as last committed to git.
 */
function originalStub(exercise: Exercise, file: string): string {
  const packStub = join(exercise.dir, exercise.stubFile);
  if (resolve(file) !== resolve(packStub)) return readFileSync(packStub, 'utf8');
  const path = relative(ROOT, packStub).split('\\').join('/');
  try {
    return execFileSync('git', ['show', `HEAD:${path}`], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    throw new UsageError(
      `cannot find the original stub of ${path}: it comes from git (HEAD), and git has no copy ` +
        'here. Download the pack again, or restore the file by hand.',
    );
  }
}
