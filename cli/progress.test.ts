import { describe, expect, it } from 'vitest';
import type { Finding } from '../checker/index.ts';
import type { Exercise } from '../lib/catalog.ts';
import { nextUnfinished, statusOf, totals, type ProgressRow } from './progress.ts';
import type { TestOutcome, TestReport } from './results.ts';

function report(tests: TestOutcome[], extra: Partial<TestReport> = {}): TestReport {
  return { testFile: '/t.test.ts', tests, loadErrors: [], logs: [], ...extra };
}
const pass: TestOutcome = { suite: ['1. A'], name: 'p', state: 'passed' };
const fail: TestOutcome = {
  suite: ['1. A'],
  name: 'f',
  state: 'failed',
  failure: { message: 'expected 1 to be 2', stub: false },
};
const stub: TestOutcome = {
  ...fail,
  failure: { message: 'Not implemented yet: write range().', stub: true },
};
const finding = (severity: Finding['severity']): Finding => ({
  rule: 'no-eager-collection',
  severity,
  file: '/x.ts',
  line: 1,
  column: 1,
  message: 'm',
});

function exercise(number: number, points = 10): Exercise {
  const id = `${String(number).padStart(2, '0')}-ex`;
  return {
    id,
    number,
    slug: 'ex',
    dir: `/repo/exercises/${id}`,
    stubFile: 'ex.ts',
    testFile: 'ex.test.ts',
    meta: {
      title: `Exercise ${number}`,
      summary: 'an exercise for the tests',
      concepts: ['yield'],
      prerequisites: [],
      points,
      hints: ['first hint here', 'second hint here'],
      checks: [],
    },
  };
}

describe('statusOf', () => {
  it('is done when every test passes and no finding is essential', () => {
    expect(statusOf(report([pass, pass]), [finding('actionable')])).toEqual({ kind: 'done' });
  });

  it('is not done while the checker has an essential finding', () => {
    expect(statusOf(report([pass]), [finding('essential')])).toEqual({
      kind: 'checker',
      essential: 1,
    });
  });

  it('counts failing tests', () => {
    expect(statusOf(report([pass, fail, stub]), [])).toEqual({
      kind: 'failing',
      failed: 2,
      total: 3,
    });
  });

  it('is not done while heavy tests wait: they run next, or once the failing ones pass', () => {
    const waiting: TestOutcome = { ...pass, name: 'h', state: 'skipped', heavy: true };
    expect(statusOf(report([pass, waiting]), [])).toEqual({ kind: 'heavy', waiting: 1 });
    expect(statusOf(report([waiting]), [])).toEqual({ kind: 'heavy', waiting: 1 });
    expect(statusOf(report([pass, fail, waiting]), [])).toEqual({
      kind: 'failing',
      failed: 1,
      total: 3,
    });
    expect(statusOf(report([pass, { ...waiting, state: 'passed' }]), [])).toEqual({
      kind: 'done',
    });
  });

  it('is not started when every test fails on the stub', () => {
    expect(statusOf(report([stub, stub]), [])).toEqual({ kind: 'not-started' });
  });

  it('is an error when the file does not load, the run stopped or no test ran', () => {
    expect(statusOf(report([], { loadErrors: [{ message: 'SyntaxError: x' }] }), [])).toEqual({
      kind: 'error',
      reason: 'SyntaxError: x',
    });
    expect(statusOf(report([pass], { interrupted: 'stuck' }), []).kind).toBe('error');
    expect(statusOf(report([]), []).kind).toBe('error');
  });
});

describe('totals and nextUnfinished', () => {
  const rows: ProgressRow[] = [
    { exercise: exercise(1, 10), status: { kind: 'done' } },
    { exercise: exercise(2, 20), status: { kind: 'failing', failed: 1, total: 3 } },
    { exercise: exercise(3, 30), status: { kind: 'done' } },
    { exercise: exercise(4, 40) },
  ];

  it('adds up done exercises and their points', () => {
    expect(totals(rows)).toEqual({ done: 2, total: 4, points: 40, maxPoints: 100 });
  });

  it('finds the first unfinished exercise from a position, wrapping around', () => {
    expect(nextUnfinished(rows, 0)?.exercise.number).toBe(2);
    expect(nextUnfinished(rows, 2)?.exercise.number).toBe(4);
    expect(nextUnfinished(rows.slice(0, 3), 2)?.exercise.number).toBe(2);
    expect(nextUnfinished([rows[0]!, rows[2]!], 0)).toBeUndefined();
  });
});
