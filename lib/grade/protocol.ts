/** What the sandboxed child (child-run.ts) and the grader say to each other. */
import type { TestCase } from 'vitest/node';
import { summarizeError, type RawError } from '../../cli/results.ts';
import type { TestOutcome } from '../model.ts';

/** Written to the child's stdin as one JSON document; stdin is then closed. */
export interface ChildJob {
  /** Prefix of every line the child's main thread writes on fd 3. */
  nonce: string;
  /** Prefix of the lines the workers write before each test (progress-setup.ts). */
  progressTag: string;
  /** The staged submission, shaped like exercises/. */
  kataDir: string;
  /** Vite's cache, inside the scratch folder. */
  cacheDir: string;
  /** The only folder learner code may write to (TMPDIR, HOME), emptied before each exercise. */
  tmpDir: string;
  /** Exercise ids to run, in order. */
  exercises: string[];
  /** vitest's per-test timeout (a never-settling promise fails at this bound). */
  testTimeoutMs: number;
  /** Full names (`1. Task > test`) of tests to skip: they hung or crashed an earlier run. */
  skipTests: string[];
}

export type ChildEvent =
  | { type: 'exercise-start'; id: string }
  | { type: 'exercise-collected'; id: string; file: string; total: number }
  | { type: 'test-start'; id: string; name: string }
  | { type: 'test-end'; id: string; test: TestOutcome }
  /** test: full name of the test that printed it; none when printed outside a test. */
  | { type: 'log'; text: string; test?: string }
  | {
      type: 'exercise-end';
      id: string;
      /** The test file: an exercise may have more than one. */
      file: string;
      tests: TestOutcome[];
      loadErrors: string[];
      duration: number;
    }
  | { type: 'run-end'; errors: { message: string; exercise?: string; test?: string }[] }
  /** maxRssKiB: the child's peak resident memory (workers included: they are threads). */
  | { type: 'done'; maxRssKiB: number };

/** One vitest test case as the shared model's outcome. */
export function toOutcome(test: TestCase, kataDir: string): TestOutcome {
  const suite: string[] = [];
  for (let p = test.parent; p.type === 'suite'; p = p.parent) suite.unshift(p.name);
  const result = test.result();
  const outcome: TestOutcome = {
    suite,
    name: test.name,
    state: result.state,
    duration: test.diagnostic()?.duration ?? 0,
  };
  const error = result.state === 'failed' ? result.errors[0] : undefined;
  if (error) {
    const exercise = test.module.moduleId.split('/').at(-2)!;
    const learnerFile = `${kataDir}/${exercise}/${exercise.replace(/^\d+-/, '')}.ts`;
    outcome.failure = summarizeError(error as RawError, test.module.moduleId, learnerFile);
  }
  return outcome;
}
