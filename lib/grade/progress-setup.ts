/**
 * A vitest setup file of the grader's sandboxed runs: before each test, it writes the test's full
 * name to the progress channel (fd 3) at once. vitest's own reports leave the worker in batches,
 * so when a test loops forever they never leave; this line does, and the grader can name the test
 * that hung and skip it when it runs the rest of the exercise again.
 *
 * It runs in the worker, beside learner code, so its tag is not the main thread's secret: the
 * grader takes only test names from lines with this tag, never results.
 */
import { writeSync } from 'node:fs';
import { beforeEach } from 'vitest';

const write = writeSync;
const tag = process.env.KATA_GRADE_PROGRESS_TAG;
const CHANNEL = 3;

if (tag) {
  beforeEach((context) => {
    const names: string[] = [context.task.name];
    for (let s = context.task.suite; s && !('filepath' in s); s = s.suite) names.unshift(s.name);
    try {
      write(
        CHANNEL,
        `\n${tag}${JSON.stringify({ type: 'test-start', name: names.join(' > ') })}\n`,
      );
    } catch {
      // The channel is gone: the grader will say the run died.
    }
  });
}
