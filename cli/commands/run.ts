/** `kata run <n|slug>`: one exercise's tests and the checker, once; exit 0 when done, else 1. */
import { findExercise } from '../../lib/catalog.ts';
import { evaluate, loadChecker } from '../evaluate.ts';
import { learnerDir, learnerFile, loadCatalog } from '../exercises.ts';
import { print, tasksOf, warn } from '../io.ts';
import { renderOptions, renderResult } from '../render.ts';
import { remember } from '../survey.ts';
import { VitestDriver } from '../vitest-driver.ts';

export async function run(query: string): Promise<number> {
  const dir = learnerDir();
  const exercise = findExercise(loadCatalog().exercises, query);
  loadChecker();
  const driver = await VitestDriver.create({
    watch: false,
    learnerFileOf: () => learnerFile(exercise, dir),
    onSlow: (seconds) => {
      if (process.stderr.isTTY) {
        warn(`no result after ${seconds} s; an endless loop? It stops by itself, or press Ctrl-C.`);
      }
    },
  });
  try {
    const [result] = await evaluate(driver, [exercise], dir);
    print(renderResult(result!, { ...renderOptions(), tasks: tasksOf(exercise) }));
    remember([result!], dir, warn);
    return result!.status.kind === 'done' ? 0 : 1;
  } finally {
    await driver.close();
  }
}
