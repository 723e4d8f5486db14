import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, ROOT } from '../catalog.ts';
import { findTestSource, testSources } from './test-code.ts';
import { parse } from 'yaml';
import { classroomPoints, classroomResults, runnerId } from './classroom.ts';
import { ClassroomResultSchema } from './classroom-schema.ts';
import { exercismResults, CHECKER_TEST_NAME, TYPES_TEST_NAME } from './exercism.ts';
import { ExercismResultsSchema } from './exercism-schema.ts';
import { FIXTURE_SUBMISSION as sub } from './fixtures.ts';
import {
  annotationCommand,
  annotationCommands,
  annotations,
  jobSummary,
  workflowYaml,
} from './github.ts';
import { gradescopeResults, partialResults } from './gradescope.ts';
import { sampleReport } from '../grade/fixtures/sample-report.ts';
import { GradescopeResultsSchema } from './gradescope-schema.ts';
import { exerciseShares, splitCents, sumPoints } from './points.ts';

const byId = (id: string) => sub.exercises.find((e) => e.id === id)!;

describe('per-test shares', () => {
  it('split cents into parts that differ by at most one and add up exactly', () => {
    expect(splitCents(1500, 7)).toEqual([215, 215, 214, 214, 214, 214, 214]);
    expect(splitCents(1500, 7).reduce((a, b) => a + b)).toBe(1500);
    expect(splitCents(5, 0)).toEqual([]);
  });

  it("add up to each exercise's points and score, whatever its status", () => {
    for (const grade of sub.exercises) {
      const { tests, unlisted } = exerciseShares(grade);
      expect(sumPoints([...tests.map((t) => t.max), unlisted])).toBe(grade.points);
      expect(sumPoints(tests.map((t) => t.score))).toBe(grade.score);
    }
  });

  it('give nothing to passing tests of a withheld exercise', () => {
    const { tests } = exerciseShares(byId('03-generator-states'));
    expect(tests.map((t) => [t.test.state, t.score, t.earned])).toEqual([
      ['passed', 0, false],
      ['passed', 0, false],
    ]);
  });
});

describe('Gradescope results', () => {
  const results = gradescopeResults(sub, { visibility: 'after_due_date' });

  it('validate against the schema and state the grader score', () => {
    expect(GradescopeResultsSchema.parse(results).score).toBe(28.71);
    const scored = results.tests!.filter((t) => t.max_score !== undefined);
    expect(sumPoints(scored.map((t) => t.score ?? 0))).toBe(28.71);
    expect(sumPoints(scored.map((t) => t.max_score!))).toBe(sub.maxScore);
  });

  it('number the tests per exercise and keep the findings in the exercise entry', () => {
    const numbers = results.tests!.map((t) => t.number);
    expect(numbers.slice(0, 4)).toEqual(['1.0', '1.1', '1.2', '1.3']);
    expect(numbers).toContain('10.0');
    const entry = results.tests!.find((t) => t.number === '3.0')!;
    expect(entry.output).toContain('no-eager-collection');
    expect(entry.status).toBe('failed');
    expect(results.tests!.every((t) => t.visibility === 'after_due_date')).toBe(true);
  });

  it('list type errors beside the exercise, at no cost', () => {
    const entry = results.tests!.find((t) => t.number === '1.0')!;
    expect(entry).toMatchObject({ status: 'passed' });
    expect(entry.output).toContain(
      "Type errors (cost nothing):\n01-lazy-range/lazy-range.ts:5:14 TS2322: Type 'string' is not",
    );
  });

  it('say why a failing test failed', () => {
    const failing = results.tests!.find((t) => t.number === '2.3')!;
    expect(failing).toMatchObject({ status: 'failed', score: 0 });
    expect(failing.output).toMatch(/expected 2 to be 3\nExpected: 3\nReceived: 2/);
  });

  it("show beside each test what the learner's code printed in it", () => {
    const output = (n: string) => results.tests!.find((t) => t.number === n)!.output;
    expect(output('4.2')).toBe('Your code printed:\ntook 2\n');
    expect(output('4.3')).toBe('timed out after 20 s\n\nYour code printed:\nstill looping\n');
  });

  it('while grading, keep every exercise with its full points at stake', () => {
    const partial = partialResults(sub.exercises, sub.exercises.slice(0, 2), 'stopped');
    expect(GradescopeResultsSchema.parse(partial).score).toBe(20.71);
    const scored = partial.tests!.filter((t) => t.max_score !== undefined);
    expect(sumPoints(scored.map((t) => t.max_score!))).toBe(sub.maxScore);
  });

  it('reject what Gradescope would not read', () => {
    expect(GradescopeResultsSchema.safeParse({ ...results, visibility: 'public' }).success).toBe(
      false,
    );
    expect(
      GradescopeResultsSchema.safeParse({ tests: [{ name: 'x', status: 'passed' }] }).success,
    ).toBe(false);
    expect(GradescopeResultsSchema.safeParse({ score: 1, tests: [{ status: 'ok' }] }).success).toBe(
      false,
    );
  });
});

describe('Exercism results', () => {
  const code = [
    {
      suite: ['2. A Range'],
      name: 'behaviour 3',
      code: 'expect(1).toBe(1);',
      file: 'x.ts',
      line: 3,
    },
  ];

  it('map statuses, task ids and test code, in the model order', () => {
    const r = ExercismResultsSchema.parse(exercismResults(byId('02-iterables'), code));
    expect(r.status).toBe('fail');
    expect(r.tests.map((t) => t.status)).toEqual([
      'pass',
      'pass',
      'fail',
      'pass',
      'pass',
      'fail',
      'pass',
    ]);
    expect(r.tests[2]).toMatchObject({
      name: '2. A Range > behaviour 3',
      task_id: 2,
      test_code: 'expect(1).toBe(1);',
    });
  });

  it('list type errors in a last test that passes: they cost nothing', () => {
    const r = ExercismResultsSchema.parse(exercismResults(byId('01-lazy-range'), []));
    expect(r.status).toBe('pass');
    expect(r.tests.at(-1)).toMatchObject({ name: TYPES_TEST_NAME, status: 'pass' });
    expect(r.tests.at(-1)!.message).toMatch(/\n01-lazy-range\/lazy-range\.ts:5:14 TS2322: /);
  });

  it('fail a withheld exercise through a checker test, and error a file that did not load', () => {
    const withheld = ExercismResultsSchema.parse(exercismResults(byId('03-generator-states'), []));
    expect(withheld.status).toBe('fail');
    expect(withheld.tests.at(-1)).toMatchObject({ name: CHECKER_TEST_NAME, status: 'fail' });
    const broken = ExercismResultsSchema.parse(exercismResults(byId('05-send'), []));
    expect(broken).toMatchObject({ status: 'error', tests: [] });
    expect(broken.message).toContain('SyntaxError');
  });

  it('put on each test what that test printed, and what loading printed with an error', () => {
    const r = exercismResults(byId('04-lazy-pipelines'), []);
    expect(r.tests.map((t) => t.output)).toEqual([undefined, 'took 2\n', 'still looping\n']);
    const loading = { ...byId('05-send'), output: 'loading…\n' };
    expect(exercismResults(loading, []).message).toMatch(/Your code printed:\nloading…\n$/);
  });

  it('mark tests that never ran as errors and cut output at 500 characters', () => {
    const r = ExercismResultsSchema.parse(
      exercismResults(byId('04-lazy-pipelines'), [], 'withhold', () => 'x'.repeat(2000)),
    );
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'fail']);
    expect(r.tests[0]!.output).toHaveLength(500);
    expect(r.tests[0]!.output).toMatch(/Please limit to 500 chars\]$/);
  });
});

describe('GitHub Classroom results', () => {
  const results = classroomResults(sub, () => []);

  it('validate, one runner per exercise, and add up to the grader score', () => {
    for (const r of results.values()) ClassroomResultSchema.parse(r);
    expect([...results.keys()]).toEqual(['ex01', 'ex02', 'ex03', 'ex04', 'ex05', 'ex10']);
    expect(classroomPoints([...results.values()])).toEqual({ score: 28.71, max: sub.maxScore });
  });

  it("agree with the reporter's table, which counts passes", () => {
    for (const [id, r] of results) {
      const grade = sub.exercises.find((e) => runnerId(e.id) === id)!;
      const table =
        (r.tests.filter((t) => t.status === 'pass').length / r.tests.length) * r.max_score;
      expect(table).toBeCloseTo(grade.score, 1);
    }
  });
});

describe('GitHub job', () => {
  it('summarises a row per exercise and the points', () => {
    const md = jobSummary(sub);
    expect(md).toContain('| 02-iterables | partial 5 of 7 tests pass | 5/7 | 10.71 / 15 |');
    expect(md).toContain('**Points 28.71/95**');
  });

  it('annotates findings and failing tests in the learner file, errors first', () => {
    const list = annotations(sub, (f) => `exercises/${f}`);
    expect(list[0]!.level).toBe('error');
    expect(list.find((a) => a.title.includes('checker'))).toMatchObject({
      file: 'exercises/03-generator-states/generator-states.ts',
      line: 4,
    });
    expect(list.find((a) => a.title.includes('behaviour 3'))).toMatchObject({
      file: 'exercises/01-lazy-range/lazy-range.ts',
      line: 3,
    });
    // The syntax error, where it says it is; the type error, as a warning.
    expect(list.find((a) => a.file === 'exercises/05-send/send.ts')).toMatchObject({
      level: 'error',
      line: 3,
      column: 1,
    });
    expect(list.find((a) => a.title.includes('TS2322'))).toMatchObject({
      level: 'warning',
      file: 'exercises/01-lazy-range/lazy-range.ts',
      line: 5,
    });
  });

  it('escape workflow commands and keep within the per-kind cap', () => {
    const line = annotationCommand({
      level: 'error',
      file: 'a,b:c.ts',
      line: 2,
      title: 't: 1',
      message: '50%\nnext',
    });
    expect(line).toBe('::error file=a%2Cb%3Ac.ts,line=2,title=t%3A 1::50%25%0Anext');
    const many = Array.from({ length: 12 }, () => ({
      level: 'error' as const,
      file: 'f',
      line: 1,
      title: 't',
      message: 'm',
    }));
    const lines = annotationCommands(many);
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^::notice .*2 more/);
  });

  it('writes a workflow that parses and has the steps grading needs', () => {
    const wf = parse(
      workflowYaml({
        packRepo: 'o/pack',
        packRef: 'abc123',
        runners: ['ex01', 'ex02'],
        nodeVersion: '22',
      }),
    );
    const job = wf.jobs['run-autograding-tests'];
    expect(wf.on).toContain('push');
    const steps: {
      name?: string;
      run?: string;
      uses?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    }[] = job.steps;
    expect(steps.some((s) => s.run?.includes('npm ci'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('bin/kata.js" grade .'))).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))).toBeDefined();
    const reporter = steps.find((s) => s.uses?.includes('autograding-grading-reporter'))!;
    expect(reporter.with!.runners).toBe('ex01,ex02');
    expect(reporter.env!.EX02_RESULTS).toBe('${{ steps.report.outputs.ex02 }}');
  });
});

describe("the grader's sample report (lib/grade/fixtures)", () => {
  it('keeps its scores in every format, an ungraded student included', () => {
    for (const s of sampleReport().submissions) {
      const g = GradescopeResultsSchema.parse(gradescopeResults(s));
      expect(g.score).toBe(s.score);
      const c = [...classroomResults(s, () => []).values()];
      c.forEach((r) => ClassroomResultSchema.parse(r));
      expect(classroomPoints(c).score).toBe(s.score);
      for (const e of s.exercises) ExercismResultsSchema.parse(exercismResults(e, []));
      expect(jobSummary(s)).toContain(`Points ${s.score}/${s.maxScore}`);
    }
  });
});

describe('test code for Exercism and Classroom', () => {
  it('finds the body of every canonical test, property tests with their seed included', () => {
    const missing: string[] = [];
    for (const e of loadCatalog().exercises) {
      const file = join(ROOT, 'exercises', e.id, e.testFile);
      const sources = testSources(file);
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) {
        const reported = { suite: s.suite, name: `${s.name} (with seed=3)` };
        if (!findTestSource(sources, reported)?.code) missing.push(`${e.id}: ${s.name}`);
      }
    }
    expect(missing).toEqual([]);
    const range = testSources(join(ROOT, 'exercises', '01-lazy-range', 'lazy-range.test.ts'));
    const property = findTestSource(range, {
      suite: ['1. Count up to a stop'],
      name: "agrees with Python's range(stop) for random stops (with seed=1)",
    });
    expect(property?.code).toMatch(/range\(/);
    // A test with options before its body (a heavy test's tags).
    const trampoline = testSources(
      join(ROOT, 'exercises', '14-scheduler-trampoline', 'scheduler-trampoline.test.ts'),
    );
    const heavy = findTestSource(trampoline, {
      suite: ['4. Recurse 100,000 deep'],
      name: 'answers a recursion 100,000 calls deep',
    });
    expect(heavy?.code).toMatch(/depth\(100_000\)/);
  });
});
