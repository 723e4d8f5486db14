#!/usr/bin/env node
// The `kata` command. The CLI is TypeScript (cli/main.ts); it runs from a build of it that
// cli/bundle.mjs keeps up to date, or through tsx's loader where no build can be written.
import { checkerThread, useCheckerWorker } from '../cli/checker-thread.mjs';
import { cliBuild } from '../cli/bundle.mjs';

const command = process.argv[2];
let build;
try {
  build = await cliBuild();
  useCheckerWorker(build.checkerWorker);
} catch {
  // A read-only install, say: tsx compiles the same sources as they load, only slower.
}
// The commands that judge an exercise start the checker's thread now, so TypeScript loads on
// the other core while vitest does.
if (command === undefined || command === 'watch' || command === 'run') checkerThread();

let main;
if (build) {
  ({ main } = await import(build.main));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`kata: ${err instanceof Error ? (err.stack ?? err.message) : err}\n`);
  process.exitCode = 1;
}
