/**
 * vitest's `forks` pool with a process started ahead. A fresh test process spends about a third
 * of a second of CPU loading vitest's runtime before it can take a test file: most of a re-run
 * after a save. In watch mode the driver asks for a spare once a run has ended, while the learner
 * reads and edits, and the next run takes it. Each test file still runs in a process that has
 * run nothing before, as with vitest's own forks; the spare only has vitest loaded.
 *
 * This is vitest's ForksPoolWorker (a child process running vitest's `workers/forks.js`, talking
 * over IPC, its output piped into vitest's logger streams, which the driver sends nowhere),
 * written against vitest's public pool interface.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { resolve } from 'node:path';
import type { PoolOptions, PoolRunnerInitializer, PoolWorker, WorkerRequest } from 'vitest/node';
import { learnForkSpec, takeEarlyFork } from './early-fork.mjs';

/** What a test process is started with; a spare serves only a request for the same. */
interface ForkSpec {
  entrypoint: string;
  env: Partial<NodeJS.ProcessEnv>;
  execArgv: string[];
}

/** As vitest's: a test process that ignores SIGTERM this long is killed. */
const SIGKILL_TIMEOUT_MS = 500;

export class WarmForks implements PoolRunnerInitializer {
  readonly name = 'kata-forks';
  private last: ForkSpec | undefined;
  private spare: { spec: ForkSpec; child: ChildProcess } | undefined;
  private closed = false;

  createPoolWorker = (options: PoolOptions): PoolWorker => new WarmForkWorker(this, options);

  /** Starts a spare process like the last one, unless one is ready. */
  warm(): void {
    // Never after close: a spare's IPC channel would keep the runner from exiting.
    if (this.closed || !this.last || this.spare?.child.connected) return;
    this.spare = { spec: this.last, child: spawn(this.last) };
  }

  /** Ends the spare process, if any. */
  close(): void {
    this.closed = true;
    this.spare?.child.kill();
    this.spare = undefined;
  }

  /** A process for `spec`: the spare when it was started the same way and is alive. */
  take(spec: ForkSpec): ChildProcess {
    this.last = spec;
    learnForkSpec(spec);
    // The one bin/kata.js started before vitest loaded, if any.
    const early = takeEarlyFork();
    if (early && this.spare) early.child.kill();
    else if (early) this.spare = early;
    const spare = this.spare;
    this.spare = undefined;
    if (spare?.child.connected) {
      if (isDeepStrictEqual(spare.spec, spec)) return spare.child;
      spare.child.kill();
    }
    return spawn(spec);
  }
}

function spawn({ entrypoint, env, execArgv }: ForkSpec): ChildProcess {
  return fork(entrypoint, [], { env, execArgv, stdio: 'pipe', serialization: 'advanced' });
}

class WarmForkWorker implements PoolWorker {
  readonly name: string;
  readonly cacheFs = true;
  private readonly spec: ForkSpec;
  private readonly stdout: NodeJS.WritableStream;
  private readonly stderr: NodeJS.WritableStream;
  private child: ChildProcess | undefined;

  constructor(
    private readonly pool: WarmForks,
    options: PoolOptions,
  ) {
    this.name = pool.name;
    this.spec = {
      entrypoint: resolve(options.distPath, 'workers/forks.js'),
      env: options.env,
      execArgv: options.execArgv,
    };
    this.stdout = options.project.vitest.logger.outputStream;
    this.stderr = options.project.vitest.logger.errorStream;
  }

  private get fork(): ChildProcess {
    if (!this.child) throw new Error('the test process was stopped or never started');
    return this.child;
  }

  on(event: string, callback: (arg: any) => void): void {
    this.fork.on(event, callback);
  }

  off(event: string, callback: (arg: any) => void): void {
    this.fork.off(event, callback);
  }

  send(message: WorkerRequest): void {
    this.fork.send(message);
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  async start(): Promise<void> {
    if (this.child) return;
    this.child = this.pool.take(this.spec);
    // As vitest's forks: one more pipe into the shared streams is expected, not a leak.
    this.stdout.setMaxListeners(this.stdout.getMaxListeners() + 1);
    this.stderr.setMaxListeners(this.stderr.getMaxListeners() + 1);
    this.child.stdout?.pipe(this.stdout);
    this.child.stderr?.pipe(this.stderr);
  }

  async stop(): Promise<void> {
    const child = this.fork;
    const exited = new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) done();
      else child.once('exit', () => done());
    });
    const kill = setTimeout(() => child.kill('SIGKILL'), SIGKILL_TIMEOUT_MS);
    child.kill();
    await exited;
    clearTimeout(kill);
    child.stdout?.unpipe(this.stdout);
    child.stderr?.unpipe(this.stderr);
    this.stdout.setMaxListeners(this.stdout.getMaxListeners() - 1);
    this.stderr.setMaxListeners(this.stderr.getMaxListeners() - 1);
    this.child = undefined;
  }
}
