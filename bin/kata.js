#!/usr/bin/env node
// The `kata` command. The CLI is TypeScript (cli/main.ts), run through tsx's loader.
//
// tsx's loader hooks see every module loaded after `register()`, which makes loading vitest's
// Node API (hundreds of modules) about a second slower. So the big plain-JS dependencies are
// loaded first, without the hooks, by the commands that use them; later imports of them from
// the TypeScript files are cache hits.
import { register } from 'tsx/esm/api';

const command = process.argv[2];
// The commands that judge an exercise start the checker's thread now, so TypeScript loads on
// the other core while vitest does.
if (command === undefined || command === 'watch' || command === 'run') {
  (await import('../cli/checker-thread.mjs')).checkerThread();
}
const withoutVitest = [
  'hint',
  'check',
  'grade',
  'reset',
  'help',
  '-h',
  '--help',
  '-V',
  '--version',
];
await Promise.all([
  import('commander'),
  import('zod'),
  withoutVitest.includes(command) ? undefined : import('vitest/node'),
]);

register();
const { main } = await import('../cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`kata: ${err instanceof Error ? (err.stack ?? err.message) : err}\n`);
  process.exitCode = 1;
}
