/** `kata hint <n|slug>`: the next hint each time, gentle to direct; then the last one again. */
import { findExercise, type Exercise } from '../../lib/catalog.ts';
import { loadCatalog } from '../exercises.ts';
import { print, warn } from '../io.ts';
import { renderHint, renderOptions, type RenderOptions } from '../render.ts';
import { statePath, takeHint, updateState } from '../state.ts';

export function hint(query: string): number {
  const exercise = findExercise(loadCatalog().exercises, query);
  print(nextHint(exercise, renderOptions()));
  return 0;
}

/** Takes the exercise's next hint from the state file and renders it (watch mode's `h` too). */
export function nextHint(exercise: Exercise, opts: RenderOptions): string {
  let taken = { shown: 1, repeated: false };
  try {
    updateState(
      statePath(),
      (state) => {
        taken = takeHint(state, exercise.id, exercise.meta.hints.length);
      },
      warn,
    );
  } catch (err) {
    warn(`could not save hint progress to ${statePath()}: ${(err as Error).message}`);
  }
  return renderHint(exercise, taken.shown, opts, taken.repeated);
}
