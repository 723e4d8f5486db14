/**
 * `kata solution <n|slug>`: the reference solution of a finished exercise, to compare with your
 * own (as rustlings offers after each exercise). Never before the exercise is done.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findExercise, SOLUTIONS_DIR } from '../../lib/catalog.ts';
import { learnerDir, loadCatalog } from '../exercises.ts';
import { print, warn } from '../io.ts';
import { exerciseTitle, renderOptions, shownPath } from '../render.ts';
import { survey } from '../survey.ts';

export async function solution(query: string): Promise<number> {
  const dir = learnerDir();
  const exercise = findExercise(loadCatalog().exercises, query);
  const [row] = await survey([exercise], { dir, warn });
  if (row?.status?.kind !== 'done') {
    warn(
      `${exerciseTitle(exercise)} is not done yet; its solution waits until it is. ` +
        `\`kata run ${exercise.number}\` shows what is left.`,
    );
    return 1;
  }
  const file = join(SOLUTIONS_DIR, exercise.id, exercise.stubFile);
  if (!existsSync(file)) {
    warn(`no reference solution at ${shownPath(file, process.cwd())} in this copy of the pack.`);
    return 1;
  }
  const c = renderOptions().colors;
  print(c.bold(`The reference solution of ${exerciseTitle(exercise)}`));
  print(c.dim(shownPath(file, process.cwd())));
  print('');
  print(readFileSync(file, 'utf8').trimEnd());
  return 0;
}
