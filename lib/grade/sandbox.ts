/**
 * The sandbox a submission's tests run in: one child Node process tree per run, under Node's
 * permission model, in a network and PID namespace when the system allows one, with a heap cap,
 * an output cap and a kill of the whole tree on overrun.
 *
 * Node 20 grants a folder's whole subtree or nothing, and vitest reads its root folder itself, so
 * the pack's root (which holds solutions/) cannot be the root of a sandboxed run. The grader
 * builds a runtime view instead: a copy of what the tests need (exercises/, lib/, the result
 * helpers, package.json) plus a link to node_modules, and the child may read only that view,
 * node_modules and its own scratch folder. The child's main thread is bundled to plain JS here,
 * because tsx would start esbuild as a child process, which the sandbox forbids.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from '../paths.ts';
import type { IsolationLayer } from '../model.ts';
import type { ChildEvent, ChildJob } from './protocol.ts';
import { FLOOD_BYTES } from './text.ts';
import { TEST_OPTIONS } from '../test-options.ts';

/** Heap of a sandboxed run, MiB: far above what a kata needs, far below the machine's. */
export const HEAP_MB = 512;
/** Output a child may print on stdout and stderr before the rest is dropped. */
export const OUTPUT_CAP = 64 * 1024;
/**
 * The wall-clock backstop of an exercise, as a multiple of its CPU-time limit and at least
 * MIN_WALL_MS: for code that blocks without burning CPU (Atomics.wait). A never-settling promise
 * fails earlier, at vitest's test timeout. Generous, since on a busy machine a correct exercise
 * can take many times its CPU time.
 */
export const WALL_FACTOR = 3;
export const MIN_WALL_MS = 60_000;

/** The wall-clock backstop for a CPU-time limit. */
export const wallLimit = (timeoutMs: number) => Math.max(WALL_FACTOR * timeoutMs, MIN_WALL_MS);
/**
 * CPU time that loading an exercise's files (its test file, the learner's module, the test
 * helpers) may take. A kata file loads in a fraction of a second, so a top-level loop is stopped
 * well before a test's timeout would stop it.
 */
export const LOAD_MS = 5000;
/** How often the CPU time of a running exercise is read. */
const CPU_POLL_MS = 200;

export interface Runtime {
  /** The runtime view: vitest's root inside the sandbox. */
  view: string;
  /** The bundled child script. */
  script: string;
  /** Whether the network and PID namespaces can be used here. */
  namespaces: boolean;
}

/** Builds the runtime view in `dir` (once per grading run). */
export function createRuntime(dir: string): Runtime {
  const view = join(dir, 'pack');
  mkdirSync(join(view, 'cli'), { recursive: true });
  for (const part of ['exercises', 'lib']) {
    cpSync(join(ROOT, part), join(view, part), {
      recursive: true,
      // Only what runs: no fixtures of the grader's own tests, no solutions (not under these).
      filter: (src) => !src.includes(`${join(ROOT, 'lib', 'grade', 'fixtures')}`),
    });
  }
  cpSync(join(ROOT, 'cli', 'results.ts'), join(view, 'cli', 'results.ts'));
  cpSync(join(ROOT, 'package.json'), join(view, 'package.json'));
  cpSync(join(ROOT, 'tsconfig.json'), join(view, 'tsconfig.json'));
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(view, 'node_modules'), 'dir');
  // At lib/ depth, so that lib/paths.ts, bundled in, still finds the view's root one level up.
  const script = join(view, 'lib', 'grade-child.mjs');
  buildSync({
    entryPoints: [join(view, 'lib', 'grade', 'child-run.ts')],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['vitest', 'vitest/*', 'vite'],
    logLevel: 'error',
  });
  return { view, script, namespaces: namespacesWork() };
}

function namespacesWork(): boolean {
  const r = spawnSync('unshare', [...UNSHARE, 'true'], { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/** Whether util-linux's setpriv can set a parent-death signal here. */
const PDEATHSIG =
  spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore', timeout: 5000 })
    .status === 0;

/** A user namespace (for the rights to make the others), no network, own PIDs and /proc. */
const UNSHARE = ['--map-root-user', '--net', '--pid', '--fork', '--mount-proc', '--kill-child'];

/** The isolation layers a run has, for the report. */
export function isolationLayers(runtime: Runtime, heapMb = HEAP_MB): IsolationLayer[] {
  return [
    {
      layer: 'process tree',
      on: true,
      detail: `one per submission, killed as a whole on overrun (${
        CPU_TIME
          ? `CPU time; wall clock at ${WALL_FACTOR}x, at least ${MIN_WALL_MS / 1000} s`
          : 'wall-clock time'
      })`,
    },
    {
      layer: 'permissions',
      on: true,
      detail:
        "Node permission model: reads only the pack's runtime files and the staged copy; " +
        'writes only its own temporary folder, emptied before each exercise; no child processes',
    },
    { layer: 'heap cap', on: true, detail: `${heapMb} MiB` },
    {
      layer: 'output cap',
      on: true,
      detail: `${OUTPUT_CAP / 1024} KiB kept per run; an exercise printing over ${FLOOD_BYTES / 1024 / 1024} MiB is stopped`,
    },
    runtime.namespaces
      ? { layer: 'network', on: true, detail: 'cut: own network namespace (unshare)' }
      : { layer: 'network', on: false, detail: 'not cut: unshare cannot create namespaces here' },
    runtime.namespaces
      ? { layer: 'signals', on: true, detail: 'own PID namespace: cannot signal the grader' }
      : { layer: 'signals', on: false, detail: 'no PID namespace: may signal other processes' },
  ];
}

export interface RunOptions {
  runtime: Runtime;
  /** Scratch folder of this submission: the only place the child may write. */
  scratch: string;
  /** The staged learner files, shaped like exercises/ (inside `scratch`). */
  kataDir: string;
  exercises: string[];
  /** Tests to skip (full names): they hung or crashed an earlier run. */
  skipTests: string[];
  /**
   * Per exercise, from its first line of loading to its last test: CPU time of the process tree
   * where /proc tells it (a busy machine costs nothing), with a wall-clock backstop (wallLimit);
   * wall-clock time elsewhere.
   */
  timeoutMs: number;
  onEvent: (event: ChildEvent) => void;
  /** Heap cap, MiB (default HEAP_MB). */
  heapMb?: number;
  /** CPU time a test without a timeout of its own may take (default: the pack's test timeout). */
  stepMs?: number;
  /** CPU time that loading an exercise's files may take (default LOAD_MS, at most `stepMs`). */
  loadMs?: number;
  /** Aborts the run (Ctrl-C): the child is killed, the result says `aborted`. */
  signal?: AbortSignal;
}

export type RunEnd =
  | { kind: 'done' }
  /** `limitMs`: the limit that struck, the exercise's or, smaller, one test's (or loading's). */
  | { kind: 'timeout'; exercise: string; test?: string; limitMs: number }
  | { kind: 'crashed'; exercise?: string; test?: string; reason: string }
  | { kind: 'aborted' };

export interface RunResult {
  end: RunEnd;
  /** What the child printed outside the tests (stdout and stderr), capped. */
  output: string;
  /** Peak resident memory of the child tree, KiB, where known. */
  maxRssKiB?: number;
}

/** Time a child may take to start vitest and reach its first exercise. */
const START_TIMEOUT_MS = 60_000;

/** Runs the canonical tests of `exercises` in one sandboxed process tree. */
export function runSandboxed(options: RunOptions): Promise<RunResult> {
  // An abort before the start would never reach the child's listener.
  if (options.signal?.aborted) return Promise.resolve({ end: { kind: 'aborted' }, output: '' });
  const { runtime, scratch, kataDir } = options;
  const tmp = join(scratch, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const nonce = randomBytes(16).toString('hex');
  const progressTag = randomBytes(16).toString('hex');
  const job: ChildJob = {
    nonce,
    progressTag,
    kataDir,
    cacheDir: join(scratch, 'vite-cache'),
    tmpDir: tmp,
    exercises: options.exercises,
    // Per test, in wall-clock time: the pack's own bound (the child takes the smaller), never less
    // than the backstop, so that a small limit on a busy machine does not fail slow tests.
    testTimeoutMs: CPU_TIME ? wallLimit(options.timeoutMs) : options.timeoutMs,
    skipTests: options.skipTests,
  };
  const node = [
    process.execPath,
    '--experimental-permission',
    // vitest runs test files in worker threads of the same process (no forks), and vite's
    // transforms (rolldown, oxc) are native addons.
    '--allow-worker',
    '--allow-addons',
    ...readable(runtime, scratch).map((p) => `--allow-fs-read=${p}`),
    // Not the staged learner files: code that rewrote them could hand the checker, which reads
    // them after the run, other code than the tests ran.
    `--allow-fs-write=${tmp}`,
    `--allow-fs-write=${job.cacheDir}`,
    `--max-old-space-size=${options.heapMb ?? HEAP_MB}`,
    '--no-warnings',
    runtime.script,
  ];
  // In the namespace a shell is PID 1, not node: PID 1 ignores signals it has no handler for,
  // so a submission killing itself would otherwise live on.
  // setpriv's parent-death signal ends the sandbox with the grader, even when the grader itself
  // is killed outright: unshare dies, its --kill-child takes the namespace's PID 1 and all in it.
  const [command, ...args] = runtime.namespaces
    ? [
        ...(PDEATHSIG ? ['setpriv', '--pdeathsig', 'KILL'] : []),
        'unshare',
        ...UNSHARE,
        '/bin/sh',
        '-c',
        '"$@"; exit $?',
        'sh',
        ...node,
      ]
    : node;
  const child = spawn(command!, args, {
    cwd: runtime.view,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TMPDIR: tmp,
      HOME: tmp,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      NODE_ENV: 'test',
      // The permission model's warnings, once per worker, would fill the captured output.
      NODE_NO_WARNINGS: '1',
    },
  });
  child.stdin!.end(JSON.stringify(job));

  let output = '';
  let dropped = 0;
  let onFlood: (() => void) | undefined;
  const capture = (chunk: Buffer) => {
    const room = OUTPUT_CAP - output.length;
    if (room > 0) output += chunk.toString('utf8', 0, Math.min(chunk.length, room));
    dropped += Math.max(0, chunk.length - Math.max(room, 0));
    // Written straight to the process's stdout or stderr, past the worker's own count.
    if (dropped > FLOOD_BYTES) onFlood?.();
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);

  return new Promise((resolve) => {
    let current: string | undefined;
    let currentTest: string | undefined;
    let ready = false;
    const stepMs = options.stepMs ?? TEST_OPTIONS.testTimeout;
    /** The step now running (loading, or a test): its CPU time at the start, and its limit. */
    let step: { startMs?: number; limitMs: number } | undefined;
    let maxRssKiB: number | undefined;
    let end: RunEnd | undefined;
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    /** Counts the limits set, so that a limit judged late cannot strike after its exercise. */
    let armed = 0;
    let pending = '';
    let discarded = 0;
    let printed = 0;

    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const arm = (ms: number, onFire: () => void) => {
      armed += 1;
      clearTimeout(timer);
      clearInterval(poll);
      timer = setTimeout(onFire, ms);
    };
    const finish = (e: RunEnd) => {
      if (end) return;
      end = e;
      clearTimeout(timer);
      clearInterval(poll);
      kill();
    };
    /**
     * Starts the exercise's limit: CPU time of the tree, a wall-clock backstop. Within it, each
     * step has its own limit in CPU time: loading the files LOAD_MS, each test its test timeout, as
     * vitest gives a test that awaits; a synchronous loop is out of vitest's reach, so it is
     * stopped here.
     */
    const armLimit = (exercise: string) => {
      const start = CPU_TIME ? treeCpuMs(child.pid!) : undefined;
      // Node runs timers before it reads pipes: what the child wrote before the limit struck (a
      // test that started, the exercise's end) is read first, then the limit is judged again.
      let mine = 0;
      const fire = (limitMs: () => number | undefined) =>
        setImmediate(() => {
          const limit = armed === mine ? limitMs() : undefined;
          if (limit !== undefined)
            finish({
              kind: 'timeout',
              exercise,
              ...(currentTest && { test: currentTest }),
              limitMs: limit,
            });
        });
      arm(start === undefined ? options.timeoutMs : wallLimit(options.timeoutMs), () =>
        fire(() => options.timeoutMs),
      );
      mine = armed;
      if (start === undefined) return;
      step = {
        startMs: start,
        limitMs: Math.min(options.loadMs ?? LOAD_MS, stepMs, options.timeoutMs),
      };
      /** The limit the exercise is past now, if any. */
      const over = () => {
        const now = treeCpuMs(child.pid!);
        if (now === undefined) return undefined;
        if (step) step.startMs ??= now;
        if (now - start > options.timeoutMs) return options.timeoutMs;
        if (step && now - step.startMs! > step.limitMs) return step.limitMs;
        return undefined;
      };
      poll = setInterval(() => {
        if (over() !== undefined) fire(over);
      }, CPU_POLL_MS);
    };
    /** Learner output past FLOOD_BYTES: the exercise is stopped, as a crash. */
    const flood = () =>
      finish({
        kind: 'crashed',
        ...(current && { exercise: current }),
        ...(currentTest && { test: currentTest }),
        reason: `output flood: printed more than ${FLOOD_BYTES / 1024 / 1024} MiB`,
      });
    arm(START_TIMEOUT_MS, () =>
      finish({ kind: 'crashed', reason: 'the test process did not start within 60 s' }),
    );
    onFlood = flood;
    const onAbort = () => finish({ kind: 'aborted' });
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdio[3]!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      // A line with no end in sight is the learner's, not ours: drop it rather than grow.
      if (pending.length > 4 * 1024 * 1024) {
        discarded += pending.length;
        pending = '';
      }
      for (const line of lines) {
        const weak = line.lastIndexOf(progressTag);
        if (weak >= 0 && !end) {
          // From a worker, beside learner code: a test name, or the worker's one "ready" per
          // exercise (more could keep re-arming the limit, so only the first counts).
          try {
            const hint = JSON.parse(line.slice(weak + progressTag.length)) as {
              type?: unknown;
              name?: unknown;
              timeoutMs?: unknown;
            };
            if (hint.type === 'ready' && current && !ready) {
              ready = true;
              armLimit(current);
            } else if (hint.type === 'flood' && current) {
              // The worker counts what its console and streams print (worker-setup.ts).
              flood();
            } else if (current && typeof hint.name === 'string') {
              currentTest = hint.name.slice(0, 1000);
              // A forged timeout cannot reach past the exercise's limit. The step's start is read
              // at the next poll: /proc per test would cost more than its 200 ms of slack.
              const own = typeof hint.timeoutMs === 'number' ? hint.timeoutMs : NaN;
              if (step) step = { limitMs: Math.min(own > 0 ? own : stepMs, options.timeoutMs) };
            }
          } catch {
            // Not ours after all.
          }
          continue;
        }
        const at = line.lastIndexOf(nonce);
        if (at < 0) {
          discarded += line.length;
          continue;
        }
        let event: ChildEvent;
        try {
          event = JSON.parse(line.slice(at + nonce.length)) as ChildEvent;
        } catch {
          continue;
        }
        if (end) continue;
        if (event.type === 'log') {
          printed += event.text.length;
          if (printed > FLOOD_BYTES) flood();
        }
        if (event.type === 'exercise-start') {
          current = event.id;
          currentTest = undefined;
          ready = false;
          step = undefined;
          // Starting a worker is vitest's time, not the learner's: the exercise's limit starts
          // when the worker says it is ready (worker-setup.ts), within a generous bound.
          arm(START_TIMEOUT_MS, () =>
            finish({
              kind: 'crashed',
              exercise: event.id,
              reason: 'the test worker did not start within 60 s',
            }),
          );
        } else if (event.type === 'test-start') {
          currentTest = event.name;
        } else if (event.type === 'exercise-end') {
          current = undefined;
          printed = 0;
          currentTest = undefined;
          // Between exercises: the next one's start re-arms; a stall here is the runner's.
          arm(START_TIMEOUT_MS, () =>
            finish({ kind: 'crashed', reason: 'the test process stopped between exercises' }),
          );
        } else if (event.type === 'done') {
          end = { kind: 'done' };
          maxRssKiB = event.maxRssKiB;
          clearTimeout(timer);
        }
        options.onEvent(event);
      }
    });

    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      options.signal?.removeEventListener('abort', onAbort);
      if (!end) {
        const why = crashReason(code, signal, output);
        end = {
          kind: 'crashed',
          ...(current && { exercise: current }),
          ...(currentTest && { test: currentTest }),
          reason: why,
        };
      }
      kill();
      if (dropped) output += `\n[… ${dropped} more bytes of output dropped]`;
      void discarded;
      resolve({
        end,
        output: withoutGcTrace(output),
        ...(maxRssKiB !== undefined && { maxRssKiB }),
      });
    });
  });
}

/**
 * V8's last few garbage collections before running out of memory (`[2:0x7f57ec000f00] 8731 ms:
 * Mark-Compact ...`) dropped: timings and addresses, different on every run, where the same
 * submission must get the same report.
 */
export function withoutGcTrace(output: string): string {
  return output.replace(/^\[\d+:0x[0-9a-f]+\][^\n]*\n?/gm, '');
}

/** Whether /proc gives the CPU time of a process tree here (Linux). */
const CPU_TIME = treeCpuMs(process.pid) !== undefined;

/**
 * CPU time (user and system, all threads) of `pid` and its descendants, milliseconds, from
 * /proc; undefined where /proc cannot tell.
 */
export function treeCpuMs(pid: number): number | undefined {
  let ticks = 0;
  let found = false;
  const stack = [pid];
  for (let seen = 0; stack.length && seen < 64; seen++) {
    const p = stack.pop()!;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    } catch {
      continue; // Gone.
    }
    // Fields after the command name (which may hold spaces): state is 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
    for (const child of childrenOf(p)) stack.push(child);
  }
  // USER_HZ is 100 on every Linux that Node runs on.
  return found && Number.isFinite(ticks) ? ticks * 10 : undefined;
}

/** Child processes of every thread of `pid`. */
function childrenOf(pid: number): number[] {
  const pids: number[] = [];
  let tasks: string[] = [String(pid)];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    // Gone.
  }
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) pids.push(...text.split(' ').map(Number));
    } catch {
      // Gone, or no children file in this kernel.
    }
  }
  return pids;
}

/** One line on why a child ended without finishing. */
export function crashReason(code: number | null, signal: string | null, output: string): string {
  if (/heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/.test(output))
    return 'ran out of memory (heap cap)';
  if (/Maximum call stack size exceeded/.test(output)) return 'overflowed the stack';
  // vitest's words when a worker thread dies; a worker out of heap prints nothing else.
  if (/Worker exited unexpectedly/.test(output))
    return 'the test worker died: out of memory (heap cap) or a native crash';
  if (signal) return `the test process was killed by ${signal}`;
  if (code === 139 || code === 128 + 11) return 'the test process crashed (segmentation fault)';
  if (code !== null && code > 128) return `the test process was killed by signal ${code - 128}`;
  return `the test process exited with code ${code}`;
}

/**
 * What the child may read: the view, node_modules (where its link resolves), its scratch folder,
 * and a few paths vite and vitest probe (workspace markers above the view, WSL markers), which do
 * not exist or hold nothing of the pack's.
 */
function readable(runtime: Runtime, scratch: string): string[] {
  const paths = [runtime.view, realpathSync(join(runtime.view, 'node_modules')), scratch];
  // vite tests whether the file system is case-sensitive by reading the upper-cased root.
  paths.push(runtime.view.toUpperCase());
  paths.push('/proc/sys/fs/binfmt_misc/WSLInterop', '/run/WSL');
  for (let dir = dirname(runtime.view); ; dir = dirname(dir)) {
    paths.push(join(dir, 'pnpm-workspace.yaml'), join(dir, 'lerna.json'));
    if (dir === parse(dir).root) break;
  }
  return paths;
}
