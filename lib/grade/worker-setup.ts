/**
 * A vitest setup file of the grader's sandboxed runs: it runs in the test worker before each test
 * file, so before each exercise's learner code. What must outlast learner code is in
 * worker-guard.ts, set up once per worker; the guard keeps the permission model in any worker
 * learner code starts, counts what it prints, and undoes what an exercise leaves running.
 *
 * Here: the worker tells the grader it is ready (the exercise's time limit starts then), and
 * before each test it writes the test's full name to the progress channel (fd 3) at once.
 * vitest's own reports leave the worker in batches, so when a test loops forever they never
 * leave; this line does, and the grader can name the test that hung and skip it when it runs the
 * rest of the exercise again.
 *
 * It runs in the worker, beside learner code, so its tag is not the main thread's secret: the
 * grader takes only test names from lines with this tag, never results; a forged `flood` or
 * `ready` can only stop the learner's own exercise.
 */
import { afterAll, beforeEach } from 'vitest';
import { exerciseEnds, exerciseStarts, signal, tag } from './worker-guard.ts';

if (tag) {
  exerciseStarts();
  signal({ type: 'ready' });
  beforeEach((context) => {
    const names: string[] = [context.task.name];
    for (let s = context.task.suite; s && !('filepath' in s); s = s.suite) names.unshift(s.name);
    // With its own timeout, which the grader applies to a synchronous loop in CPU time.
    signal({ type: 'test-start', name: names.join(' > '), timeoutMs: context.task.timeout });
  });
  afterAll(exerciseEnds);
}
