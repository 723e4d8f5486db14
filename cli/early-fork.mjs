// The first test process of `kata run` and the watch screen, started by bin/kata.js before vitest
// even loads: it boots (about a third of a second of CPU) on the other core while this process
// loads vitest, instead of after. It is started the way vitest started the last one, learnt by
// cli/warm-forks.ts and kept in the CLI's cache; vitest's pool takes it only if vitest asks for
// exactly that (same entry, arguments and environment), else it is ended and vitest's own starts.
// Plain JavaScript, shared by bin/kata.js and the CLI's build (one module instance).
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The environment before vitest and vite add to it: what the learnt differences are from. */
const startEnv = { ...process.env };

/** @type {string | undefined} where the last start is kept, once bin/kata.js enabled this */
let specFile;
/** @type {{ spec: ForkSpec, child: import('node:child_process').ChildProcess } | undefined} */
let early;

/**
 * @typedef {{ entrypoint: string, env: Record<string, string | undefined>, execArgv: string[] }} ForkSpec
 */

/** Starts a test process as the last run of this command did, if one was learnt; returns it. */
export function forkEarly(file) {
  specFile = file;
  let learnt;
  try {
    learnt = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // the first run of this command: vitest starts its own and this one learns it
  }
  const spec = {
    entrypoint: learnt.entrypoint,
    env: { ...startEnv, ...learnt.env },
    execArgv: learnt.execArgv,
  };
  const child = fork(spec.entrypoint, [], {
    env: spec.env,
    execArgv: spec.execArgv,
    stdio: 'pipe',
    serialization: 'advanced',
  });
  child.on('error', () => {}); // a start that failed is simply not used
  early = { spec, child };
  return child;
}

/** The process started early, once: the pool checks it was started as it would have. */
export function takeEarlyFork() {
  const taken = early;
  early = undefined;
  return taken;
}

/** Ends the early process if nothing took it (a usage error, a command without tests). */
export function dropEarlyFork() {
  early?.child.kill();
  early = undefined;
}

/** Keeps how vitest started a test process, for the next early start. */
export function learnForkSpec(spec) {
  if (!specFile) return;
  const env = {};
  for (const [key, value] of Object.entries(spec.env)) {
    if (startEnv[key] !== value) env[key] = value;
  }
  // Variables vitest removed cannot be told apart from ones never set: no early start then.
  if (Object.keys(startEnv).some((key) => !(key in spec.env))) return;
  const learnt = JSON.stringify({ entrypoint: spec.entrypoint, execArgv: spec.execArgv, env });
  try {
    if (readFileSync(specFile, 'utf8') === learnt) return;
  } catch {
    // not learnt yet
  }
  try {
    mkdirSync(dirname(specFile), { recursive: true });
    writeFileSync(`${specFile}.${process.pid}`, learnt);
    renameSync(`${specFile}.${process.pid}`, specFile);
  } catch {
    // a read-only install: no early start, only slower
  }
}
