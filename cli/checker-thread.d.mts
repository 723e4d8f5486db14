import type { Worker } from 'node:worker_threads';
export function checkerThread(): Worker;
export function forgetCheckerThread(): void;
export function stopCheckerThread(): Promise<void>;
