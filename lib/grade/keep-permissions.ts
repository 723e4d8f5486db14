/**
 * Node 20 drops the permission model in a worker thread created with its own `execArgv`: the
 * worker gets exactly those flags, and `--experimental-permission` is not among them. vitest
 * passes `execArgv` to every test worker, and learner code could do the same to escape. This
 * wraps `worker_threads.Worker` so that every worker's flags start with this thread's own, which
 * carry the permission flags. The original constructor stays in this closure only.
 */
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';

/** This process's permission flags (main thread only: a worker's process.execArgv is empty). */
export function permissionFlags(): string[] {
  return process.execArgv.filter((a) => /^--(experimental-permission|allow-)/.test(a));
}

/** Wraps the Worker constructor; `inherited`: the permission flags every new worker gets. */
export function keepPermissionsInWorkers(inherited: readonly string[]): void {
  const Original = workerThreads.Worker;
  if ((Original as { keepsPermissions?: boolean }).keepsPermissions) return;
  function Worker(
    filename: string | URL,
    options: import('node:worker_threads').WorkerOptions = {},
  ): import('node:worker_threads').Worker {
    const own = (options.execArgv ?? []).filter(
      (a) => !/^--(experimental-permission|allow-)/.test(a),
    );
    return new Original(filename, { ...options, execArgv: [...inherited, ...own] });
  }
  Object.defineProperty(Worker, 'keepsPermissions', { value: true });
  Object.defineProperty(workerThreads, 'Worker', {
    value: Worker,
    writable: false,
    configurable: false,
  });
  syncBuiltinESMExports();
}
