/**
 * Node 20 drops the permission model in a worker thread created with its own `execArgv`: the
 * worker gets exactly those flags, and `--experimental-permission` is not among them. vitest
 * passes `execArgv` to every test worker, and learner code could do the same to escape. This
 * wraps `worker_threads.Worker` so that every worker's flags start with this thread's own, which
 * carry the permission flags. The original constructor stays in this closure only.
 *
 * A worker given its own execArgv does not inherit --max-old-space-size either, so the wrapper
 * also caps every worker's heap (resourceLimits) at the process's cap.
 */
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';

/** What every worker keeps: the permission flags and the heap cap, MiB. */
export interface Inherited {
  flags: string[];
  heapMb?: number;
}

/** This process's permission flags and heap cap (main thread only: a worker's execArgv is empty). */
export function inheritedLimits(): Inherited {
  const heap = process.execArgv
    .map((a) => /^--max-old-space-size=(\d+)$/.exec(a)?.[1])
    .find(Boolean);
  return {
    flags: process.execArgv.filter((a) => /^--(experimental-permission|allow-)/.test(a)),
    ...(heap && { heapMb: Number(heap) }),
  };
}

/** Wraps the Worker constructor so that every new worker keeps `inherited`. */
export function keepPermissionsInWorkers(inherited: Inherited): void {
  const Original = workerThreads.Worker;
  if ((Original as { keepsPermissions?: boolean }).keepsPermissions) return;
  function Worker(
    filename: string | URL,
    options: import('node:worker_threads').WorkerOptions = {},
  ): import('node:worker_threads').Worker {
    const own = (options.execArgv ?? []).filter(
      (a) => !/^--(experimental-permission|allow-)/.test(a),
    );
    const asked = options.resourceLimits?.maxOldGenerationSizeMb;
    const heap = inherited.heapMb && Math.min(asked ?? inherited.heapMb, inherited.heapMb);
    return new Original(filename, {
      ...options,
      execArgv: [...inherited.flags, ...own],
      ...(heap && { resourceLimits: { ...options.resourceLimits, maxOldGenerationSizeMb: heap } }),
    });
  }
  Object.defineProperty(Worker, 'keepsPermissions', { value: true });
  Object.defineProperty(workerThreads, 'Worker', {
    value: Worker,
    writable: false,
    configurable: false,
  });
  syncBuiltinESMExports();
}
