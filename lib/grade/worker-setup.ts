/**
 * A vitest setup file of the grader's sandboxed runs, in each test worker before learner code.
 *
 * It keeps the permission model in any worker learner code starts (keep-permissions.ts).
 *
 * And before each test, it writes the test's full name to the progress channel (fd 3) at once.
 * vitest's own reports leave the worker in batches, so when a test loops forever they never leave;
 * this line does, and the grader can name the test that hung and skip it when it runs the rest of
 * the exercise again.
 *
 * And it counts what the worker prints (console and process streams): past FLOOD_BYTES it drops
 * the rest and says so on the channel at once, and the grader stops the exercise as a flood.
 * vitest buffers a synchronous loop's console lines in the worker until the loop ends, so the
 * main thread alone would see a flood only when the heap is already full.
 *
 * It runs in the worker, beside learner code, so its tag is not the main thread's secret: the
 * grader takes only test names from lines with this tag, never results; a forged `flood` or
 * `ready` can only stop the learner's own exercise.
 */
import { writeSync } from 'node:fs';
import { beforeEach } from 'vitest';
import { keepPermissionsInWorkers, type Inherited } from './keep-permissions.ts';
import { FLOOD_BYTES } from './text.ts';

// The flags arrive by env (a worker's process.execArgv is empty); no flags, no grading run.
const permissions = JSON.parse(process.env.KATA_GRADE_PERMISSIONS ?? '{"flags":[]}') as Inherited;
if (permissions.flags.length) keepPermissionsInWorkers(permissions);

const write = writeSync;
const tag = process.env.KATA_GRADE_PROGRESS_TAG;
const CHANNEL = 3;

/** Writes one hint to the progress channel, on a line of its own. */
function signal(hint: object): void {
  try {
    write(CHANNEL, `\n${tag}${JSON.stringify(hint)}\n`);
  } catch {
    // The channel is gone: the grader will say the run died.
  }
}

if (tag) {
  // The worker is up: the exercise's time limit starts now, before learner code loads.
  signal({ type: 'ready' });
  countOutput(() => signal({ type: 'flood' }));
  beforeEach((context) => {
    const names: string[] = [context.task.name];
    for (let s = context.task.suite; s && !('filepath' in s); s = s.suite) names.unshift(s.name);
    // With its own timeout, which the grader applies to a synchronous loop in CPU time.
    signal({ type: 'test-start', name: names.join(' > '), timeoutMs: context.task.timeout });
  });
}

/** Counts what the console and the streams print; past the cap, drops it, calls `onFlood` once. */
function countOutput(onFlood: () => void): void {
  let printed = 0;
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
        const length = (chunk as { length?: unknown } | null)?.length;
        const size = typeof length === 'number' ? length : 0;
        printed += size;
        if (printed <= FLOOD_BYTES) return Reflect.apply(original, this, [chunk, ...rest]);
        // Only the write that crosses the cap says so.
        if (printed - size <= FLOOD_BYTES) onFlood();
        return true;
      },
    });
  }
}
