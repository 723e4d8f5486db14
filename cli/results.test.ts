import { describe, expect, it } from 'vitest';
import {
  compactValue,
  heavyDue,
  parseLoadError,
  summarizeError,
  withHeavy,
  type TestOutcome,
  type TestReport,
} from './results.ts';

const TEST = '/repo/exercises/01-lazy-range/lazy-range.test.ts';
const LEARNER = '/repo/exercises/01-lazy-range/lazy-range.ts';

describe('compactValue', () => {
  it('puts a pretty-printed array on one line', () => {
    expect(compactValue('[\n  0,\n  1,\n  2,\n]')).toBe('[0, 1, 2]');
  });

  it('puts an object on one line and unquotes plain keys', () => {
    expect(compactValue('{\n  "done": true,\n  "value": undefined,\n}')).toBe(
      '{ done: true, value: undefined }',
    );
  });

  it('shows the line breaks of a string', () => {
    expect(compactValue('a\nb')).toBe('a\\nb');
  });

  it('cuts a long value', () => {
    const long = compactValue(`[\n${'  1,\n'.repeat(200)}]`);
    expect(long.length).toBe(240);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('summarizeError', () => {
  it('keeps expected and received of an assertion and the line in the test', () => {
    const failure = summarizeError(
      {
        name: 'AssertionError',
        message: 'expected [ +0, 1 ] to deeply equal [ +0 ]',
        expected: '[\n  0,\n]',
        actual: '[\n  0,\n  1,\n]',
        stacks: [{ file: TEST, line: 8, column: 27 }],
      },
      TEST,
      LEARNER,
    );
    expect(failure).toMatchObject({
      expected: '[0]',
      received: '[0, 1]',
      at: { file: TEST, line: 8, column: 27 },
      stub: false,
    });
    expect(failure.thrownAt).toBeUndefined();
  });

  it("names the error type and where the learner's code threw it", () => {
    const failure = summarizeError(
      {
        name: 'TypeError',
        message: 'nope\nmore',
        stacks: [
          { file: LEARNER, line: 7, column: 9 },
          { file: TEST, line: 87, column: 19 },
        ],
      },
      TEST,
      LEARNER,
    );
    expect(failure.message).toBe('TypeError: nope');
    expect(failure.thrownAt).toEqual({ file: LEARNER, line: 7, column: 9 });
    expect(failure.at?.line).toBe(87);
  });

  it("recognises the stub's error, even inside a child process's stderr", () => {
    const failure = summarizeError(
      {
        message:
          'file:///repo/x.ts:20\n  throw new Error(...)\n\nError: Not implemented yet: write range().\n: expected 1 to be 0',
      },
      TEST,
      LEARNER,
    );
    expect(failure.stub).toBe(true);
    expect(failure.message).toBe('Error: Not implemented yet: write range().');
  });
});

describe('parseLoadError', () => {
  it('reads the message, location and code frame of a transform error', () => {
    const err = parseLoadError(
      {
        name: 'Error',
        message:
          'Transform failed with 1 error:\n\n\u001b[31m[PARSE_ERROR] \u001b[0mExpected `)` but found `yield`\n' +
          '   ╭─[ exercises/01-lazy-range/lazy-range.ts:2:33 ]\n   │\n 2 │   for (let i = 0; i < stop; i++ yield i;\n───╯\n',
        __vitest_rollup_error__: { id: LEARNER },
      },
      '/repo',
    );
    expect(err.message).toBe('SyntaxError: Expected `)` but found `yield`');
    expect(err.at).toEqual({ file: LEARNER, line: 2, column: 33 });
    expect(err.frame).toContain('2 │   for (let i = 0');
  });

  it('falls back on the stack for an error thrown while importing', () => {
    const err = parseLoadError(
      {
        name: 'ReferenceError',
        message: 'x is not defined',
        stacks: [
          { file: '/repo/node_modules/vite/x.js', line: 1, column: 1 },
          { file: LEARNER, line: 3, column: 1 },
        ],
      },
      '/repo',
      LEARNER,
    );
    expect(err).toEqual({
      message: 'ReferenceError: x is not defined',
      at: { file: LEARNER, line: 3, column: 1 },
    });
  });
});

describe('heavy tests run last', () => {
  const outcome = (name: string, state: TestOutcome['state'], heavy?: true): TestOutcome => ({
    suite: ['1. A'],
    name,
    state,
    ...(heavy ? { heavy } : {}),
  });
  const report = (tests: TestOutcome[], extra: Partial<TestReport> = {}): TestReport => ({
    testFile: TEST,
    tests,
    loadErrors: [],
    logs: [],
    ...extra,
  });

  it('are due once every other test passed, and not before', () => {
    const waiting = outcome('h', 'skipped', true);
    expect(heavyDue(report([outcome('a', 'passed'), waiting]))).toBe(true);
    expect(heavyDue(report([outcome('a', 'failed'), waiting]))).toBe(false);
    expect(heavyDue(report([outcome('a', 'passed'), waiting], { interrupted: 'x' }))).toBe(false);
    expect(heavyDue(report([outcome('a', 'passed')]))).toBe(false);
  });

  it('put their outcomes into the first report, matching tests of the same name in order', () => {
    const first = report(
      [outcome('a', 'passed'), outcome('h', 'skipped', true), outcome('h', 'skipped', true)],
      { logs: ['one'] },
    );
    const second = report(
      [outcome('a', 'skipped'), outcome('h', 'passed', true), outcome('h', 'failed', true)],
      { logs: ['two'] },
    );
    expect(withHeavy(first, second)).toEqual(
      report([outcome('a', 'passed'), outcome('h', 'passed', true), outcome('h', 'failed', true)], {
        logs: ['one', 'two'],
      }),
    );
  });
});
