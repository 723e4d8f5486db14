/**
 * Maps tests to the README task they belong to: a top-level `describe('N. Title')` in the test
 * file is the task `### N. Title` of the exercise's README (CONTRIBUTING.md).
 */
import type { ReadmeTask } from '../lib/readme-tasks.ts';
import type { TestOutcome } from './results.ts';

export { readmeTasks, type ReadmeTask } from '../lib/readme-tasks.ts';

export interface TaskGroup {
  /** Undefined for tests outside any numbered describe. */
  number?: number;
  title: string;
  /** The README heading's line, when the task is in the README. */
  readmeLine?: number;
  tests: TestOutcome[];
}

/** `'3. Nothing before the first next()'` → `{ number: 3, title: 'Nothing before...' }`. */
export function parseTaskName(describe: string): { number: number; title: string } | undefined {
  const m = /^(\d+)\.\s+(.+)$/.exec(describe.trim());
  return m ? { number: Number(m[1]), title: m[2]! } : undefined;
}

/**
 * Groups tests by their top-level describe, in the order the tests ran, and names each group
 * after its README task (matched by number) so the README's wording and line are shown.
 */
export function groupByTask(
  tests: readonly TestOutcome[],
  tasks: readonly ReadmeTask[],
): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const test of tests) {
    const top = test.suite[0] ?? '';
    let group = groups.get(top);
    if (!group) {
      const parsed = parseTaskName(top);
      const task = parsed && tasks.find((t) => t.number === parsed.number);
      group = parsed
        ? {
            number: parsed.number,
            title: task?.title ?? parsed.title,
            ...(task ? { readmeLine: task.line } : {}),
            tests: [],
          }
        : { title: top || '(tests outside a task)', tests: [] };
      groups.set(top, group);
    }
    group.tests.push(test);
  }
  return [...groups.values()];
}
