import { join } from 'node:path';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { ROOT, type Exercise } from '../lib/catalog.ts';
import { totals, type ProgressRow } from './progress.ts';
import {
  renderHint,
  renderProgressBar,
  renderResult,
  renderTable,
  type RenderOptions,
} from './render.ts';
import type { ExerciseResult, TestOutcome } from './results.ts';

const opts: RenderOptions = { colors: pc.createColors(false), cwd: '/repo' };
const TEST = '/repo/exercises/01-lazy-range/lazy-range.test.ts';
const LEARNER = '/repo/exercises/01-lazy-range/lazy-range.ts';

const exercise: Exercise = {
  id: '01-lazy-range',
  number: 1,
  slug: 'lazy-range',
  dir: '/repo/exercises/01-lazy-range',
  stubFile: 'lazy-range.ts',
  testFile: 'lazy-range.test.ts',
  meta: {
    title: 'Lazy range',
    summary: 'rebuild range() as a generator',
    concepts: ['yield'],
    prerequisites: [],
    points: 10,
    hints: ['A gentle first hint.', 'A more direct hint.'],
    checks: [],
  },
};

const failed = (
  name: string,
  line: number,
  message = 'expected [ +0, 1 ] to deeply equal [ +0 ]',
) =>
  ({
    suite: ['1. Count up to a stop'],
    name,
    state: 'failed',
    failure: {
      message,
      expected: '[0]',
      received: '[0, 1]',
      at: { file: TEST, line, column: 27 },
      stub: false,
    },
  }) satisfies TestOutcome;

function result(tests: TestOutcome[], extra: Partial<ExerciseResult> = {}): ExerciseResult {
  return {
    exercise,
    learnerFile: LEARNER,
    report: { testFile: TEST, tests, loadErrors: [], logs: [] },
    findings: [],
    status: { kind: 'failing', failed: 1, total: 2 },
    ...extra,
  };
}

const tasks = [
  { number: 1, title: 'Count up to a stop', line: 64 },
  { number: 2, title: 'Start, stop and step', line: 69 },
];

describe('renderResult', () => {
  it('shows failing tests under their README task with expected, received and the test line', () => {
    const text = renderResult(
      result([
        failed('yields 0 up to stop - 1', 8),
        { suite: ['2. Start, stop and step'], name: 'counts', state: 'passed' },
      ]),
      { ...opts, tasks },
    );
    expect(text.split('\n')).toEqual([
      '01 · Lazy range  failing 1 of 2',
      'exercises/01-lazy-range/lazy-range.ts',
      '',
      '✗ 1. Count up to a stop  README.md:64  (1 of 1 failing)',
      '    ✗ yields 0 up to stop - 1',
      '        expected [0]',
      '        received [0, 1]',
      '        exercises/01-lazy-range/lazy-range.test.ts:8:27',
      '✓ 2. Start, stop and step  (1 test)',
    ]);
  });

  it('lists heavy tests that wait, and says whether they run now or after the others', () => {
    const heavy = {
      suite: ['2. Start, stop and step'],
      name: 'sums a billion',
      state: 'skipped',
      heavy: true,
    } satisfies TestOutcome;
    const counts: TestOutcome = { suite: heavy.suite, name: 'counts', state: 'passed' };
    const blocked = renderResult(
      result([failed('yields 0 up to stop - 1', 8), counts, heavy], {
        status: { kind: 'failing', failed: 1, total: 3 },
      }),
      { ...opts, tasks },
    ).split('\n');
    expect(blocked.slice(-2)).toEqual([
      '◦ 2. Start, stop and step  (1 of 2 pass, 1 heavy test waiting)',
      '    ◦ sums a billion  (heavy: runs once the other tests pass)',
    ]);
    const next = renderResult(result([counts, heavy], { status: { kind: 'heavy', waiting: 1 } }), {
      ...opts,
      tasks,
    }).split('\n');
    expect(next[0]).toBe('01 · Lazy range  other tests pass, 1 heavy test to run');
    expect(next.slice(-2)).toEqual([
      '◦ 2. Start, stop and step  (1 of 2 pass, 1 heavy test running)',
      '    ◦ sums a billion  (heavy: running now)',
    ]);
  });

  it('shows the same error once, then one line per test', () => {
    const text = renderResult(result([failed('a', 8), failed('b', 12)]), { ...opts, tasks });
    expect(text).toContain(
      '    ✗ b  (same error as above)  exercises/01-lazy-range/lazy-range.test.ts:12:27',
    );
  });

  it('keeps details to maxDetailed failures', () => {
    const text = renderResult(result([failed('a', 8), failed('b', 12, 'other')]), {
      ...opts,
      tasks,
      maxDetailed: 1,
    });
    expect(text).toContain('    ✗ b  exercises/01-lazy-range/lazy-range.test.ts:12:27');
  });

  it('shows a long message and long values whole, wrapped to the width', () => {
    const message = `promise rejected "RangeError: Maximum call stack size exceeded" instead of resolving`;
    const long = { ...failed('a', 8, message), failure: { ...failed('a', 8).failure, message } };
    long.failure.received = `Error { message: "${'word '.repeat(20)}end" }`;
    const lines = renderResult(result([long]), { ...opts, tasks, width: 60 }).split('\n');
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    const text = lines.map((l) => l.trim()).join(' ');
    expect(text).toContain(message);
    expect(text).toContain(`received ${long.failure.received}`);
    expect(text).not.toContain('…');
  });

  it('shows a load error with its location and code frame, without colours', () => {
    const text = renderResult(
      result([], {
        report: {
          testFile: TEST,
          tests: [],
          loadErrors: [
            {
              message: 'SyntaxError: Expected `)`',
              at: { file: LEARNER, line: 2, column: 33 },
              frame: '\u001b[38;5;246m2 │\u001b[0m for (;;',
            },
          ],
          logs: [],
        },
        status: { kind: 'error', reason: 'SyntaxError: Expected `)`' },
      }),
      { ...opts, tasks },
    );
    expect(text).toContain(
      'SyntaxError: Expected `)`\n  at exercises/01-lazy-range/lazy-range.ts:2:33',
    );
    expect(text).toContain('  2 │ for (;;');
    expect(text).not.toContain('\u001b');
  });

  it('lists checker findings under the tests; once done, offers the reference solution', () => {
    const text = renderResult(
      result([{ suite: ['1. Count up to a stop'], name: 'a', state: 'passed' }], {
        findings: [
          {
            rule: 'no-eager-collection',
            severity: 'actionable',
            file: LEARNER,
            line: 3,
            column: 5,
            message: 'range() builds an array.',
          },
        ],
        status: { kind: 'done' },
      }),
      { ...opts, tasks },
    );
    expect(text).toContain(
      'Checker\n  actionable  exercises/01-lazy-range/lazy-range.ts:3:5  no-eager-collection\n      range() builds an array.',
    );
    expect(text.split('\n').slice(-2)).toEqual([
      '✓ 01 · Lazy range is done: every test passes and the checker agrees.',
      `Compare with the reference solution: ${join(ROOT, 'solutions', '01-lazy-range', 'lazy-range.ts')} (kata solution 1 prints it).`,
    ]);
  });
});

describe('renderTable and renderProgressBar', () => {
  const rows: ProgressRow[] = [
    { exercise, status: { kind: 'done' } },
    {
      exercise: { ...exercise, id: '02-x', number: 2, meta: { ...exercise.meta, title: 'X' } },
      status: { kind: 'failing', failed: 2, total: 5 },
    },
    { exercise: { ...exercise, number: 3 }, status: { kind: 'not-started' } },
  ];

  it('prints number, title, status and points, then the totals', () => {
    const lines = renderTable(rows, totals(rows), opts, ['skipped 04-y: meta.json missing']).split(
      '\n',
    );
    expect(lines[1]).toMatch(/^ {2}1 {2}Lazy range {2}done +10\/10$/);
    expect(lines[2]).toMatch(/^ {2}2 {2}X +failing 2 of 5 +0\/10$/);
    expect(lines[3]).toMatch(/not started +0\/10$/);
    expect(lines.slice(-2)).toEqual([
      '1 of 3 done · 10 of 30 points',
      'skipped 04-y: meta.json missing',
    ]);
  });

  it('fills the bar in proportion', () => {
    expect(renderProgressBar({ done: 1, total: 4, points: 10, maxPoints: 40 }, opts, 8)).toBe(
      '██░░░░░░  1/4 done · 10/40 points',
    );
  });
});

describe('renderHint', () => {
  it('numbers the hint and says when the last one repeats', () => {
    expect(renderHint(exercise, 1, opts, false)).toBe(
      'Hint 1 of 2 for 01 · Lazy range:\n  A gentle first hint.',
    );
    expect(renderHint(exercise, 2, opts, true)).toMatch(/^All 2 hints are shown/);
  });
});
