// The checker's worker thread, one per process. Plain JavaScript so that bin/kata.js can start it
// first thing, before vitest loads: TypeScript (about 0.4 s of one core) then loads on the other
// core from the very start. cli/evaluate.ts talks to it.
import { Worker } from 'node:worker_threads';

/** @type {Worker | undefined} */
let worker;
/** The thread's module: this TypeScript one through tsx, or the CLI's build of it. */
let workerModule = new URL('./checker-worker.mjs', import.meta.url);

/** Runs the thread from `url` (bin/kata.js: the CLI's build) instead; call before the first use. */
export function useCheckerWorker(url) {
  workerModule = new URL(url);
}

/** The checker's worker thread, started on the first call. */
export function checkerThread() {
  if (!worker) {
    const started = new Worker(workerModule);
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
