import { describe, expect, it } from 'vitest';
import type { TestOutcome } from './results.ts';
import { groupByTask, parseTaskName, readmeTasks } from './tasks.ts';

const README = [
  '# 01 · Lazy range',
  '',
  '## Tasks',
  '',
  '### 1. Count up to a stop',
  '',
  '```md',
  '### 9. Not a heading inside a code block',
  '```',
  '### 3. Nothing before the first `next()`',
].join('\n');

function test(suite: string[], name: string, state: TestOutcome['state'] = 'passed'): TestOutcome {
  return { suite, name, state };
}

describe('readmeTasks', () => {
  it('finds the numbered task headings with their lines, outside code blocks', () => {
    expect(readmeTasks(README)).toEqual([
      { number: 1, title: 'Count up to a stop', line: 5 },
      { number: 3, title: 'Nothing before the first `next()`', line: 10 },
    ]);
  });
});

describe('parseTaskName', () => {
  it('splits a describe name into number and title', () => {
    expect(parseTaskName('3. Nothing before the first next()')).toEqual({
      number: 3,
      title: 'Nothing before the first next()',
    });
    expect(parseTaskName('helpers')).toBeUndefined();
  });
});

describe('groupByTask', () => {
  it('groups tests under their top-level describe, named after the README task', () => {
    const groups = groupByTask(
      [
        test(['1. Count up to a stop'], 'a'),
        test(['3. Nothing before the first next()', 'nested'], 'b', 'failed'),
        test(['1. Count up to a stop'], 'c'),
      ],
      readmeTasks(README),
    );
    expect(
      groups.map((g) => [g.number, g.title, g.readmeLine, g.tests.map((t) => t.name)]),
    ).toEqual([
      [1, 'Count up to a stop', 5, ['a', 'c']],
      [3, 'Nothing before the first `next()`', 10, ['b']],
    ]);
  });

  it('keeps tests whose describe has no README task, under the describe name', () => {
    const groups = groupByTask([test(['7. Extra'], 'a'), test([], 'b')], []);
    expect(groups).toMatchObject([
      { number: 7, title: 'Extra', tests: [{ name: 'a' }] },
      { title: '(tests outside a task)', tests: [{ name: 'b' }] },
    ]);
    expect(groups[0]!.readmeLine).toBeUndefined();
  });
});
