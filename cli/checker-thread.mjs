// The checker's worker thread, one per process. Plain JavaScript so that bin/kata.js can start it
// first thing, before vitest and tsx load: TypeScript (about 0.4 s of one core) then loads on the
// other core from the very start. cli/evaluate.ts talks to it.
import { Worker } from 'node:worker_threads';

/** @type {Worker | undefined} */
let worker;

/** The checker's worker thread, started on the first call. */
export function checkerThread() {
  if (!worker) {
    const started = new Worker(new URL('./checker-worker.mjs', import.meta.url));
    // A thread that died before anyone listened is replaced on the next call.
    started.on('error', () => {
      if (worker === started) worker = undefined;
    });
    worker = started;
  }
  return worker;
}

/** Forgets a thread that failed, so that the next call starts a fresh one. */
export function forgetCheckerThread() {
  worker = undefined;
}

/** Ends the thread, if it started. */
export async function stopCheckerThread() {
  const running = worker;
  worker = undefined;
  await running?.terminate();
}
