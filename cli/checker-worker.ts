/**
 * The checker in a worker thread: loading TypeScript takes about 0.4 s of one core, and on its
 * own thread it overlaps vitest's start-up instead of following it.
 */
import { parentPort } from 'node:worker_threads';
import { checkExercise } from '../checker/index.ts';
import type { Exercise } from '../lib/catalog.ts';

export interface CheckRequest {
  id: number;
  exercise: Exercise;
  dir: string;
}

parentPort!.on('message', ({ id, exercise, dir }: CheckRequest) => {
  try {
    parentPort!.postMessage({ id, findings: checkExercise(exercise, dir) });
  } catch (err) {
    parentPort!.postMessage({ id, error: String((err as Error)?.message ?? err) });
  }
});
