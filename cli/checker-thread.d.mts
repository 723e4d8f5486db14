import type { Worker } from 'node:worker_threads';
export function useCheckerWorker(url: string): void;
export function checkerThread(): Worker;
export function forgetCheckerThread(): void;
export function stopCheckerThread(): Promise<void>;
