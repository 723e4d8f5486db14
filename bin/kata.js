#!/usr/bin/env node
// The `kata` command. The CLI is TypeScript (cli/main.ts); it runs from a build of it that
// cli/bundle.mjs keeps up to date, or through tsx's loader where no build can be written.
import { join } from 'node:path';
import { CACHE, cliBuild, ROOT_ID } from '../cli/bundle.mjs';
import { checkerThread, useCheckerWorker } from '../cli/checker-thread.mjs';
import { dropEarlyFork, forkEarly } from '../cli/early-fork.mjs';

const command = process.argv[2];
let build;
try {
  build = await cliBuild();
  useCheckerWorker(build.checkerWorker);
} catch {
  // A read-only install, say: tsx compiles the same sources as they load, only slower.
}
// The commands that judge an exercise start the checker's thread and their first test process
// now, so that both boot on the other core while vitest loads here.
const watching =
  (command === undefined || command === 'watch') && process.stdin.isTTY && process.stdout.isTTY;
if (watching || command === 'run') {
  checkerThread();
  if (build) forkEarly(join(CACHE, `fork-${ROOT_ID}-${watching ? 'watch' : 'run'}.json`));
}

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
} finally {
  dropEarlyFork();
}
