/**
 * One truth in every format: the fixture class is graded once by `kata grade`, then each
 * platform's output, from its real entry point where it has one (run_autograder from the exported
 * zip, bin/run.sh), must state the same scores and be valid by its specification.
 */
import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCatalog, ROOT } from '../catalog.ts';
import { unzipSubmission } from '../grade/unzip.ts';
import { GradeReportSchema, type GradeReport, type SubmissionGrade } from '../model.ts';
import { classroomPoints, classroomResults } from './classroom.ts';
import { ClassroomResultSchema } from './classroom-schema.ts';
import { exercismResults, CHECKER_TEST_NAME, TYPES_TEST_NAME } from './exercism.ts';
import { ExercismResultsSchema, type ExercismResults } from './exercism-schema.ts';
import { copyStudent, FIXTURE_EXERCISES, writeFixtureClass } from './fixture-class.ts';
import { runGithubReport } from './github-run.ts';
import { gradescopeResults } from './gradescope.ts';
import { GradescopeResultsSchema, type GradescopeResults } from './gradescope-schema.ts';
import { sumPoints } from './points.ts';
import { testSources, type TestSource } from './test-code.ts';

const run = promisify(execFile);
const KATA = join(ROOT, 'bin', 'kata.js');
// Generous: a busy machine must not time out the solutions; only the endless loop reaches it.
const TIMEOUT_S = 20;

let work: string;
let classDir: string;
let report: GradeReport;
const student = (name: string): SubmissionGrade =>
  report.submissions.find((s) => s.student === name)!;
const sources = new Map<string, TestSource[]>();
const sourcesOf = (id: string): TestSource[] => {
  if (!sources.has(id))
    sources.set(id, testSources(join(ROOT, 'exercises', id, `${id.slice(3)}.test.ts`)));
  return sources.get(id)!;
};

let tree: string;
let early: GradescopeResults;
let gradescope: GradescopeResults;
let exercism: ExercismResults;
/** run_autograder's log: one line per write of results.json. */
let autograderLog: string;
/** Every distinct results.json seen on disk while run_autograder ran, and what failed to parse. */
const seen: string[] = [];
const unreadable: string[] = [];

/**
 * The three real runs are independent, so they run at once: kata grade over the class,
 * run_autograder from the exported zip on one student, bin/run.sh on one exercise.
 */
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kata-platforms-'));
  classDir = writeFixtureClass();
  const out = join(work, 'grades');

  const zip = join(work, 'autograder.zip');
  await run('node', [KATA, 'export', 'gradescope', '--out', zip, '--timeout', `${TIMEOUT_S}`]);
  tree = join(work, 'autograder');
  await unzipSubmission(zip, join(tree, 'source'));
  // setup.sh would run npm ci here: the pack's own node_modules stand in for it.
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'source', 'node_modules'));
  copyStudent(classDir, 'anti', join(tree, 'submission'));
  const results = join(tree, 'results', 'results.json');
  const autograder = ['bash', [join(tree, 'source', 'run_autograder')]] as const;
  const env = { ...process.env, AUTOGRADER_ROOT: tree };

  // Killed as soon as it has written anything: what is on disk must still be valid.
  const child = spawn(...autograder, { env, stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitFor(() => existsSync(results));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
  early = GradescopeResultsSchema.parse(JSON.parse(readFileSync(results, 'utf8')));

  const exercismOut = join(work, 'exercism');
  mkdirSync(exercismOut);
  const input = join(classDir, 'broken', '01-lazy-range');
  // Read results.json as often as a kill could strike: every state must be valid.
  const watch = setInterval(() => {
    let text = '';
    try {
      text = readFileSync(results, 'utf8');
      if (seen.at(-1) === text) return;
      GradescopeResultsSchema.parse(JSON.parse(text));
      seen.push(text);
    } catch (err) {
      unreadable.push(`${(err as Error).message}: ${text.slice(0, 200)}`);
    }
  }, 20);
  const [, graded] = await Promise.all([
    run('node', [
      KATA,
      'grade',
      classDir,
      '--out',
      out,
      '--format',
      'json',
      '--timeout',
      `${TIMEOUT_S}`,
    ]),
    run(...autograder, { env }),
    run(join(ROOT, 'bin', 'run.sh'), ['lazy-range', `${input}/`, `${exercismOut}/`]),
  ]).finally(() => clearInterval(watch));
  autograderLog = graded.stdout;
  report = GradeReportSchema.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
  gradescope = GradescopeResultsSchema.parse(JSON.parse(readFileSync(results, 'utf8')));
  exercism = ExercismResultsSchema.parse(
    JSON.parse(readFileSync(join(exercismOut, 'results.json'), 'utf8')),
  );
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(classDir, { recursive: true, force: true });
});

/** Status of the fixture exercises, per student. */
const statuses = (s: SubmissionGrade) =>
  s.exercises.filter((e) => FIXTURE_EXERCISES.includes(e.id)).map((e) => e.status);

describe('the fixture class', () => {
  it('covers every outcome the formats must carry', () => {
    expect(statuses(student('solution'))).toEqual(['passed', 'passed']);
    expect(statuses(student('anti'))).toEqual(['partial', 'withheld']);
    expect(statuses(student('hostile'))).toEqual(['timeout', 'crashed']);
    expect(statuses(student('broken'))).toEqual(['passed', 'failed']);
    const syntax = student('broken').exercises.find((e) => e.id === '05-send')!;
    expect(ExercismResultsSchema.parse(exercismResults(syntax, [])).status).toBe('error');
    expect(student('stubs').score).toBe(0);
  });
});

describe('one truth in every format', { timeout: 60_000 }, () => {
  it('Gradescope states the grader score, in total and test by test', () => {
    for (const s of report.submissions) {
      const r = GradescopeResultsSchema.parse(gradescopeResults(s));
      const scored = r.tests!.filter((t) => t.max_score !== undefined);
      expect(r.score, s.student).toBe(s.score);
      expect(sumPoints(scored.map((t) => t.score ?? 0)), s.student).toBe(s.score);
      expect(sumPoints(scored.map((t) => t.max_score!)), s.student).toBe(s.maxScore);
    }
  });

  it('GitHub Classroom adds up to the grader score', () => {
    for (const s of report.submissions) {
      const results = [...classroomResults(s, (g) => sourcesOf(g.id)).values()];
      results.forEach((r) => ClassroomResultSchema.parse(r));
      expect(classroomPoints(results), s.student).toEqual({ score: s.score, max: s.maxScore });
    }
  });

  it('Exercism passes exactly what the grader passes, test for test', () => {
    for (const s of report.submissions) {
      for (const grade of s.exercises.filter((e) => FIXTURE_EXERCISES.includes(e.id))) {
        const r = ExercismResultsSchema.parse(exercismResults(grade, sourcesOf(grade.id)));
        expect(r.status === 'pass', `${s.student} ${grade.id}`).toBe(grade.status === 'passed');
        expect(exercismScore(r, grade.points, grade.total)).toBe(grade.score);
      }
    }
  });

  it('the GitHub report step writes the summary, the points and a result per exercise', () => {
    const s = student('anti');
    const dir = join(work, 'github');
    mkdirSync(join(dir, 'repo'), { recursive: true });
    // A clone of the pack: the learner's files beside the pack's tests.
    copyStudent(classDir, 'anti', join(dir, 'repo', 'exercises'));
    for (const id of FIXTURE_EXERCISES) {
      const test = join('exercises', id, `${id.slice(3)}.test.ts`);
      copyFileSync(join(ROOT, test), join(dir, 'repo', test));
    }
    const single = { ...report, submissions: [s] };
    const reportFile = join(dir, 'report.json');
    writeFileSync(reportFile, JSON.stringify(single));
    const lines: string[] = [];
    const summary = join(dir, 'summary.md');
    const outputs = join(dir, 'outputs');
    runGithubReport({
      report: reportFile,
      repo: join(dir, 'repo'),
      summaryFile: summary,
      outputFile: outputs,
      print: (l) => lines.push(l),
    });
    expect(readFileSync(summary, 'utf8')).toContain(`Points ${s.score}/${s.maxScore}`);
    expect(lines).toContain(`Points ${s.score}/${s.maxScore}`);
    expect(lines.some((l) => /^::error file=exercises\/05-send\/send\.ts,line=\d+/.test(l))).toBe(
      true,
    );
    expect(
      lines.some((l) =>
        /^::error file=exercises\/01-lazy-range\/lazy-range\.(test\.)?ts,line=\d+/.test(l),
      ),
    ).toBe(true);
    const results = readFileSync(outputs, 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [, value] = /^ex\d+=(.*)$/.exec(line)!;
        return ClassroomResultSchema.parse(JSON.parse(Buffer.from(value!, 'base64').toString()));
      });
    expect(results).toHaveLength(s.exercises.length);
    expect(classroomPoints(results)).toEqual({ score: s.score, max: s.maxScore });
  });
});

/** What an Exercism result is worth under the grader's rule: points × passed / total. */
function exercismScore(r: ExercismResults, points: number, total: number): number {
  const checker = r.tests.find((t) => t.name === CHECKER_TEST_NAME);
  if (r.status === 'error' || checker?.status === 'fail' || total === 0) return 0;
  const passed = r.tests.filter(
    (t) => ![CHECKER_TEST_NAME, TYPES_TEST_NAME].includes(t.name) && t.status === 'pass',
  ).length;
  return Math.round((points * passed * 100) / total) / 100;
}

describe('Gradescope autograder, run for real', () => {
  it('has setup.sh and run_autograder at the root, and no solutions', () => {
    const setup = readFileSync(join(tree, 'source', 'setup.sh'), 'utf8');
    expect(setup).toMatch(/npm ci/);
    expect(setup).toMatch(/NODE_VERSION="\$\{NODE_VERSION:-v\d+\.\d+\.\d+\}"/);
    expect(existsSync(join(tree, 'source', 'run_autograder'))).toBe(true);
    expect(existsSync(join(tree, 'source', 'solutions'))).toBe(false);
    expect(
      existsSync(join(tree, 'source', 'exercises', '01-lazy-range', 'lazy-range.test.ts')),
    ).toBe(true);
  });

  it('leaves valid results when it is killed', () => {
    expect(early.output).toMatch(/did not finish|graded so far/);
    expect(early.score).toBe(0);
  });

  it('rewrites valid results after each exercise, as grading goes', () => {
    const total = loadCatalog().exercises.length;
    const counts = [...autograderLog.matchAll(/^results\.json: (\d+) of (\d+) exercises/gm)].map(
      (m) => Number(m[1]),
    );
    // The placeholder, one write per exercise graded, the final results.
    expect(counts).toEqual([...Array.from({ length: total + 1 }, (_, i) => i), total]);
    expect(unreadable).toEqual([]);
    const partial = seen.map((t) => JSON.parse(t) as GradescopeResults);
    expect(partial.some((r) => /graded so far/.test(r.output ?? ''))).toBe(true);
  });

  it('writes valid results with the score kata grade gives', () => {
    const graded = student('anti');
    expect(gradescope.score).toBe(graded.score);
    const extra = gradescope.extra_data as { exercises: { id: string; score: number }[] };
    for (const id of FIXTURE_EXERCISES) {
      const score = graded.exercises.find((e) => e.id === id)!.score;
      expect(extra.exercises.find((e) => e.id === id)!.score).toBe(score);
    }
    expect(gradescope.tests!.find((t) => t.number === '5.0')!.output).toMatch(
      /no-eager-collection/,
    );
  });
});

describe('learner output and load errors, whole and in the right place', () => {
  it("gives each test what the learner's code printed in it", () => {
    const tests = student('solution').exercises[0]!.tests;
    const output = (name: string) => tests.find((t) => t.name === name)!.output ?? '';
    const steps = output('takes a start and a step, including negative ones');
    expect(steps).toMatch(/count from 10 by 5\n?[^]*count from 3 by -2/);
    expect(steps).not.toMatch(/from 1 by 1/);
    const stops = output('stops when the caller breaks out of the loop');
    expect(stops).toMatch(/^count from 1 by 1\n?$/);
    const exercism = exercismResults(student('solution').exercises[0]!, sourcesOf('01-lazy-range'));
    const shown = exercism.tests.find((t) => t.name.endsWith('breaks out of the loop'))!;
    expect(shown.output).toBe(stops);
    expect(exercism.tests.filter((t) => t.output).length).toBeGreaterThan(2);
  });

  it('keeps a syntax error whole, with its place and code frame, cut at 500 characters', () => {
    const broken = student('broken');
    expect(broken.exercises[0]!.status).toBe('passed');
    const syntax = broken.exercises.find((e) => e.id === '05-send')!;
    const error = syntax.loadErrors[0]!;
    expect(error).toMatch(/05-send\/send\.ts:\d+:\d+/);
    expect(error).toContain('export function broken(');
    expect(error.split('\n').length).toBeGreaterThan(2);
    expect(error).not.toMatch(/\u001b\[/);
    expect(error.length).toBeLessThanOrEqual(500 + '… [99999 more characters cut]'.length);
    // The reason is one line that still says where.
    expect(syntax.reason).toMatch(/^[^\n]*05-send\/send\.ts:\d+:\d+[^\n]*$/);
    const exercism = ExercismResultsSchema.parse(exercismResults(syntax, sourcesOf('05-send')));
    expect(exercism.message).toContain(error);
    const entries = gradescopeResults(broken).tests!;
    expect(entries.find((t) => t.number === '5.0')!.output).toContain(error);
    // The type error beside it costs nothing and is listed whole, in one line.
    expect(entries.find((t) => t.number === '1.0')!.output).toMatch(
      /Type errors \(cost nothing\):\n01-lazy-range\/lazy-range\.ts:\d+:\d+ TS2322: [^\n]+/,
    );
  });
});

describe('Exercism bin/run.sh, run for real', () => {
  it('keeps every per-test result beside a type error, and lists the type error in one line', () => {
    expect(exercism.status).toBe('pass');
    const types = exercism.tests.at(-1)!;
    const tests = exercism.tests.slice(0, -1);
    expect(tests.length).toBe(student('broken').exercises[0]!.total);
    expect(tests.every((t) => t.test_code.length > 0 && t.task_id! >= 1)).toBe(true);
    expect(types.name).toBe(TYPES_TEST_NAME);
    expect(types.message).toMatch(/\n01-lazy-range\/lazy-range\.ts:\d+:\d+ TS2322: [^\n]+$/);
  });
});

async function waitFor(ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
