/**
 * What the grader's test worker keeps from one exercise to the next.
 *
 * The grader runs a submission's exercises one after another in one test worker (vitest's
 * `isolate: false`: a fresh worker per test file doubled a class's grading time). Its setup file,
 * worker-setup.ts, runs again before every test file, so after the previous exercise's learner
 * code: whatever it relies on is taken here instead, once per worker, when the first setup runs
 * and no learner code has yet (vitest keeps this module loaded; it reloads only setup files).
 *
 * And what one exercise's learner code leaves running must not reach the next one, as it could
 * not when each exercise had its own worker. When its test file ends (and again before the next
 * one starts, in case its hooks never ran), the timers and immediates it set are cleared, the
 * promises of node:timers/promises it waits on never settle, and the workers it started are
 * terminated. Anything else it left pending (a file read, a compression job, a message port)
 * cannot be undone from here, nor can memory it keeps: past half the heap cap, or with work
 * pending, the worker asks the grader to run the rest of the submission in a fresh process, and
 * waits to be stopped.
 */
import { writeSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import timers from 'node:timers';
import timersPromises from 'node:timers/promises';
import { promisify } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { keepPermissionsInWorkers, type Inherited } from './keep-permissions.ts';
import { FLOOD_BYTES } from './text.ts';

const CHANNEL = 3;
const write = writeSync;
const stringify = JSON.stringify;
const { clearTimeout, clearInterval, clearImmediate } = globalThis;
const ownKeys = Reflect.ownKeys;
const apply = Reflect.apply;
const { defineProperty, getOwnPropertyDescriptor } = Object;
const activeResources = process.getActiveResourcesInfo.bind(process);
const { wait } = Atomics;
const PromiseCtor = Promise;
const then = Promise.prototype.then;

/** The progress channel's tag: absent outside a grading run. */
export const tag = process.env.KATA_GRADE_PROGRESS_TAG;

/** Writes one line to the progress channel; a channel that is gone is the grader's to notice. */
export function signal(event: object): void {
  try {
    write(CHANNEL, `\n${tag}${stringify(event)}\n`);
  } catch {
    // The grader will say the run died.
  }
}

/** The worker's heap cap, bytes, if any. */
let heapCap: number | undefined;

/** What the exercise now running left behind, undone when it ends. */
const leftovers = {
  timeouts: new Set<unknown>(),
  immediates: new Set<unknown>(),
  workers: new Set<Worker>(),
};
let printed = 0;
let flooded = false;
/** Counts up as each exercise ends: a promise of an earlier one never settles. */
let generation = 0;
/** Pending resources by kind when the exercise started, to compare with when it ends. */
let pendingAtStart = new Map<string, number>();
/** Whether an exercise has started in this worker. */
let started = false;
/** A restart was asked for: the next exercise must not start here. */
let restarting = false;

if (tag) {
  // The flags arrive by env (a worker's process.execArgv is empty).
  const permissions = JSON.parse(process.env.KATA_GRADE_PERMISSIONS ?? '{"flags":[]}') as Inherited;
  if (permissions.flags.length)
    keepPermissionsInWorkers(permissions, (worker) => leftovers.workers.add(worker));
  if (permissions.heapMb) heapCap = permissions.heapMb * 1024 * 1024;
  trackTimers();
  countOutput();
}
/** The global bindings as the first exercise found them (with the timers above in place). */
const globals = snapshotGlobals();

/** A new exercise starts: what the last one left is undone, and its output count restarts. */
export function exerciseStarts(): void {
  if (started) exerciseEnds();
  started = true;
  // The grader stops this process once the last exercise's end has reached it.
  if (restarting) for (;;) wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  printed = 0;
  flooded = false;
  pendingAtStart = pending();
  restoreGlobals();
}

function snapshotGlobals(): Map<PropertyKey, PropertyDescriptor> {
  const snapshot = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of ownKeys(globalThis))
    snapshot.set(key, getOwnPropertyDescriptor(globalThis, key)!);
  return snapshot;
}

/**
 * Puts back the global bindings an earlier exercise replaced or removed (`globalThis.setTimeout =
 * ...`), so that it cannot break the next one's tests. What it added stays: vitest adds its own.
 */
function restoreGlobals(): void {
  for (const [key, was] of globals) {
    const now = getOwnPropertyDescriptor(globalThis, key);
    const same =
      now !== undefined && now.value === was.value && now.get === was.get && now.set === was.set;
    if (!same && (now === undefined || now.configurable)) {
      try {
        defineProperty(globalThis, key, was);
      } catch {
        // Locked by the learner's own defineProperty: only that exercise's tests could suffer.
      }
    }
  }
}

/**
 * The exercise's test file ended: its timers, immediates and workers go; if it left anything
 * else pending, the grader is asked for a fresh process for the rest.
 */
export function exerciseEnds(): void {
  generation += 1;
  for (const handle of leftovers.timeouts) clearTimeout(handle as NodeJS.Timeout);
  for (const handle of leftovers.immediates) clearImmediate(handle as NodeJS.Immediate);
  for (const worker of leftovers.workers) void worker.terminate().catch(() => {});
  leftovers.timeouts.clear();
  leftovers.immediates.clear();
  leftovers.workers.clear();
  if (restarting) return;
  const now = pending();
  let why = [...now].find(([kind, n]) => n > (pendingAtStart.get(kind) ?? 0))?.[0];
  // Memory it keeps (or garbage not yet collected) would leave the next exercise less of the cap.
  if (!why && heapCap && getHeapStatistics().used_heap_size > heapCap / 2) why = 'memory';
  if (why) {
    restarting = true;
    signal({ type: 'restart', pending: why });
  }
}

/**
 * What the thread has pending, by kind, beside timers and immediates (cleared above; vitest has
 * timers of its own that come and go) and workers (terminating takes a moment).
 */
function pending(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of activeResources()) {
    if (kind === 'Timeout' || kind === 'Immediate' || kind === 'Worker') continue;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** A promise that settles as `promise` does, unless the exercise that made it has ended. */
function ofThisExercise<T>(promise: Promise<T>): Promise<T> {
  const mine = generation;
  return new PromiseCtor<T>((resolve, reject) => {
    apply(then, promise, [
      (value: T) => mine === generation && resolve(value),
      (error: unknown) => mine === generation && reject(error),
    ]);
  });
}

/**
 * Wraps the timer functions, on the global and on node:timers, to note each handle. vitest's
 * own timers are unaffected: it took the originals when it loaded, before any setup file.
 */
function trackTimers(): void {
  const wrap = <F extends (...args: never[]) => unknown>(original: F, into: Set<unknown>): F => {
    const wrapped = function (this: unknown, ...args: Parameters<F>) {
      const handle = apply(original, this, args);
      into.add(handle);
      return handle;
    };
    // util.promisify(setTimeout) and the like read properties of the function itself.
    for (const key of ownKeys(original)) {
      if (key === 'length' || key === 'name' || key === 'prototype') continue;
      defineProperty(wrapped, key, {
        ...getOwnPropertyDescriptor(original, key),
        configurable: true,
      });
    }
    return wrapped as unknown as F;
  };
  const tp = timersPromises as unknown as Record<string, (...args: unknown[]) => unknown>;
  const gated: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of ['setTimeout', 'setImmediate'] as const) {
    const original = tp[name]!;
    gated[name] = (...args) =>
      ofThisExercise(apply(original, timersPromises, args) as Promise<unknown>);
    tp[name] = gated[name];
  }
  const interval = tp.setInterval!;
  tp.setInterval = (...args) => {
    const inner = apply(interval, timersPromises, args) as AsyncIterableIterator<unknown>;
    const outer = {
      next: (...a: [unknown?]) => ofThisExercise(inner.next(...a)),
      return: (...a: [unknown?]) => inner.return!(...a),
      [Symbol.asyncIterator]: () => outer,
    };
    return outer;
  };
  const g = globalThis as unknown as Record<string, unknown>;
  const t = timers as unknown as Record<string, unknown>;
  for (const [name, into] of [
    ['setTimeout', leftovers.timeouts],
    ['setInterval', leftovers.timeouts],
    ['setImmediate', leftovers.immediates],
  ] as const) {
    const original = g[name] as (...args: never[]) => unknown;
    const wrapped = wrap(original, into);
    if (name !== 'setInterval') defineProperty(wrapped, promisify.custom, { value: gated[name] });
    g[name] = wrapped;
    if (t[name] === original) t[name] = wrapped;
  }
  // So that `import { setTimeout } from 'node:timers'` gets the wrapped one too.
  syncBuiltinESMExports();
}

/**
 * Counts what the console and the streams print; past FLOOD_BYTES in one exercise it drops the
 * rest and says so on the channel at once, and the grader stops the exercise as a flood.
 * vitest buffers a synchronous loop's console lines in the worker until the loop ends, so the
 * main thread alone would see a flood only when the heap is already full.
 */
function countOutput(): void {
  const streams = [
    (console as unknown as { _stdout?: NodeJS.WritableStream })._stdout,
    (console as unknown as { _stderr?: NodeJS.WritableStream })._stderr,
    process.stdout,
    process.stderr,
  ];
  for (const stream of new Set(streams)) {
    if (!stream || typeof stream.write !== 'function') continue;
    const original = stream.write;
    Object.defineProperty(stream, 'write', {
      configurable: true,
      writable: true,
      value(this: NodeJS.WritableStream, chunk: unknown, ...rest: unknown[]) {
        const size = (chunk as { length?: unknown } | null)?.length;
        printed += typeof size === 'number' ? size : 0;
        if (printed <= FLOOD_BYTES) return apply(original, this, [chunk, ...rest]);
        if (!flooded) {
          flooded = true;
          signal({ type: 'flood' });
        }
        return true;
      },
    });
  }
}
