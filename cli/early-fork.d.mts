import type { ChildProcess } from 'node:child_process';
export interface ForkSpec {
  entrypoint: string;
  env: Partial<NodeJS.ProcessEnv>;
  execArgv: string[];
}
export function forkEarly(file: string): ChildProcess | undefined;
export function takeEarlyFork(): { spec: ForkSpec; child: ChildProcess } | undefined;
export function dropEarlyFork(): void;
export function learnForkSpec(spec: ForkSpec): void;
