/**
 * The classroom grader: finds the submissions, stages each one's learner files, runs the pack's
 * canonical tests on them in the sandbox, runs the checker, scores every exercise and returns one
 * `GradeReport` (lib/model.ts) for the reporters.
 *
 * A run that hangs or dies costs only what hung: the sandbox names the exercise and the test, the
 * grader marks them, and runs what is left in a fresh process, skipping the test that hung.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import pLimit from 'p-limit';
import { loadCatalog, ROOT, type Exercise } from '../catalog.ts';
import {
  fullName,
  SubmissionGradeSchema,
  type CheckerMode,
  type ExerciseGrade,
  type GradeFinding,
  type GradeReport,
  type SubmissionGrade,
  type TestOutcome,
  type TypeWarning,
} from '../model.ts';
import type { Submission } from './discover.ts';
import { cut, MESSAGE_CAP, OUTPUT_PER_EXERCISE } from './text.ts';
import {
  createRuntime,
  isolationLayers,
  runSandboxed,
  type RunResult,
  type Runtime,
} from './sandbox.ts';
import { stageSubmission, SubmissionError } from './stage.ts';
import { unzipSubmission } from './unzip.ts';
import { loadResume, saveResume } from './resume.ts';

export interface GradeOptions {
  submissions: Submission[];
  /** Where reports and resume files go. */
  out: string;
  /** Per exercise, milliseconds. */
  timeoutMs: number;
  checker: CheckerMode;
  /** Regrade even what a previous run graded. */
  fresh: boolean;
  /** Submissions graded at once (default: the number of cores). */
  concurrency?: number;
  /** Heap cap of a sandboxed run, MiB (default: sandbox.ts's HEAP_MB). */
  heapMb?: number;
  /** The exercises (default: the pack's catalog, exercises/). */
  exercises?: Exercise[];
  /** After each submission is graded (or taken from a previous run). */
  onGraded?: (grade: SubmissionGrade, done: number, total: number) => void;
  /**
   * After each exercise of a submission is graded, as grading goes, so that a caller can keep
   * partial results (Gradescope). Once per exercise; not for a submission taken from a previous
   * run. An error reported only at the end of the run can still lower the final grade by a test.
   */
  onExerciseGraded?: (student: string, grade: ExerciseGrade) => void;
  /** After each sandboxed run (the bench reads its peak memory). */
  onRun?: (student: string, result: RunResult) => void;
  /** Ctrl-C: stop starting submissions, kill the running ones, return what is done. */
  signal?: AbortSignal;
}

/** How many tests that hung an exercise are skipped before the rest of it is given up. */
const MAX_HUNG_PER_EXERCISE = 3;

export async function gradeClass(options: GradeOptions): Promise<GradeReport> {
  // Exercises whose folder is broken (being written, say) are left out, not fatal.
  const exercises = options.exercises ?? loadCatalog().exercises;
  const scratchRoot = mkdtempSync(join(tmpdir(), 'kata-grade-'));
  try {
    // Built on first use: a re-run that finds every submission graded never needs it.
    let built: Runtime | undefined;
    const runtime = () => (built ??= createRuntime(scratchRoot));
    const pack = packHash(options, exercises);
    const limit = pLimit(options.concurrency ?? Math.max(1, availableParallelism()));
    const grades: (SubmissionGrade | undefined)[] = [];
    const stubRoot = dirname(exercises[0]?.dir ?? ROOT);
    let stubRuns = 0;
    const stubs = new StubGrades(
      exercises,
      // One submission has no copy to share a stub's grade with.
      options.submissions.length > 1 && exercises.every((e) => dirname(e.dir) === stubRoot)
        ? (ids) => {
            const scratch = join(scratchRoot, `stubs-${stubRuns++}`);
            mkdirSync(scratch, { recursive: true });
            const { onGraded: _g, onExerciseGraded: _e, onRun: _r, ...quiet } = options;
            return gradeSubmission(
              { student: 'stubs', source: stubRoot, path: stubRoot, kind: 'folder' },
              exercises.filter((e) => ids.includes(e.id)),
              runtime,
              scratch,
              pack,
              { ...quiet, fresh: true, out: join(scratch, 'out') },
            ).finally(() => rmSync(scratch, { recursive: true, force: true }));
          }
        : undefined,
    );
    let done = 0;
    await Promise.all(
      options.submissions.map((submission, i) =>
        limit(async () => {
          if (options.signal?.aborted) return;
          const scratch = join(scratchRoot, `s${i}`);
          mkdirSync(scratch);
          try {
            const grade = await gradeSubmission(
              submission,
              exercises,
              runtime,
              scratch,
              pack,
              options,
              stubs,
            );
            if (!grade) return;
            grades[i] = grade;
            done += 1;
            options.onGraded?.(grade, done, options.submissions.length);
          } finally {
            rmSync(scratch, { recursive: true, force: true });
          }
        }),
      ),
    );
    return {
      version: 1,
      settings: { timeoutMs: options.timeoutMs, checker: options.checker },
      exercises: exercises.map((e) => ({ id: e.id, title: e.meta.title, points: e.meta.points })),
      maxScore: exercises.reduce((n, e) => n + e.meta.points, 0),
      submissions: grades.filter((g) => g !== undefined),
      interrupted: options.signal?.aborted ?? false,
    };
  } finally {
    rmSync(scratchRoot, { recursive: true, force: true });
  }
}

/** Grades one submission; undefined when the run was aborted before it finished. */
async function gradeSubmission(
  submission: Submission,
  exercises: Exercise[],
  runtime: () => Runtime,
  scratch: string,
  pack: string,
  options: GradeOptions,
  stubs?: StubGrades,
): Promise<SubmissionGrade | undefined> {
  const started = performance.now();
  const maxScore = exercises.reduce((n, e) => n + e.meta.points, 0);
  const failed = (reason: string, hash: string): SubmissionGrade => ({
    student: submission.student,
    source: submission.source,
    status: 'error',
    reason: cut(reason, MESSAGE_CAP),
    hash,
    score: 0,
    maxScore,
    exercises: [],
    ignored: [],
    // Nothing of it ran.
    isolation: [],
    duration: Math.round(performance.now() - started),
  });

  let root = submission.path;
  const kataDir = join(scratch, 'kata');
  let staged;
  try {
    if (submission.kind === 'zip') {
      root = join(scratch, 'unzipped');
      await unzipSubmission(submission.path, root);
    }
    staged = stageSubmission(root, exercises, kataDir);
  } catch (err) {
    if (!(err instanceof SubmissionError)) throw err;
    const hash = sha(`${pack}\0error\0${fileHash(submission.path)}`);
    // A re-run reports the same error as before, so reports match an uninterrupted run.
    const previous = options.fresh ? undefined : loadResume(options.out, submission.student, hash);
    if (previous) return previous;
    const grade = failed(err.message, hash);
    saveResume(options.out, grade);
    return grade;
  }
  const hash = sha(`${pack}\0${staged.hash}`);
  if (!options.fresh) {
    const previous = loadResume(options.out, submission.student, hash);
    if (previous) return previous;
  }

  if (options.checker !== 'off')
    checkExercise ??= (await import('../../checker/index.ts')).checkExercise;
  typeChecker ??= await import('./typecheck.ts').then((m) => new m.TypeChecker());
  // Type errors cost nothing: found once, while the first sandboxed run starts.
  let typed: Map<string, TypeWarning[]> | undefined;
  const typeErrorsOf = (id: string) => (typed ??= typeCheck(kataDir, staged.files)).get(id);
  const results = new Map<string, Partial<ExerciseRun>>();
  const present = exercises.filter((e) => staged.files.has(e.id));
  const runOf = (id: string) => {
    let r = results.get(id);
    if (!r) {
      r = {
        tests: new Map(),
        totals: new Map(),
        filesEnded: new Set(),
        loadErrors: [],
        output: '',
        outputDropped: 0,
        testOutput: new Map(),
        hung: [],
      };
      results.set(id, r);
    }
    return r as ExerciseRun;
  };
  // The checker runs once per exercise: when it is graded for the progress hook, or at the end.
  const checked = new Map<string, GradeFinding[]>();
  const reported = new Set<string>();
  // Exercises handed in as the pack's stub, untouched: graded once per class, not once per student.
  const untouched = stubs ? present.filter((e) => stubs.isStub(e, kataDir, staged.files)) : [];
  /** Their grades, from the stubs' run: an exercise without one is run like any other. */
  const reused = untouched.length
    ? await stubs!.grades(untouched.map((e) => e.id))
    : new Map<string, ExerciseGrade>();
  if (options.signal?.aborted) return undefined;
  const gradeOf = (exercise: Exercise): ExerciseGrade => {
    const grade =
      reused.get(exercise.id) ??
      exerciseGrade(
        exercise,
        staged.files.get(exercise.id),
        results.get(exercise.id) as ExerciseRun | undefined,
        kataDir,
        options,
        checked,
      );
    const typeErrors = grade.status === 'missing' ? undefined : typeErrorsOf(exercise.id);
    const marked = untouched.includes(exercise)
      ? {
          ...grade,
          untouched: true as const,
          reason: `not started: ${exercise.stubFile} is the stub, unchanged${grade.reason ? ` (${grade.reason})` : ''}`,
        }
      : grade;
    return typeErrors ? { ...marked, typeErrors } : marked;
  };
  const report = (exercise: Exercise, grade = gradeOf(exercise)) => {
    if (!reported.has(exercise.id)) options.onExerciseGraded?.(submission.student, grade);
    reported.add(exercise.id);
    return grade;
  };
  const finish = (id: string) => {
    const exercise = exercises.find((e) => e.id === id);
    if (exercise && options.onExerciseGraded && !reported.has(id)) report(exercise);
  };
  for (const id of reused.keys()) finish(id);
  let remaining = present.map((e) => e.id).filter((id) => !reused.has(id));
  let current: string | undefined;
  for (let round = 0; remaining.length && round < present.length + 10; round++) {
    const skip = remaining.flatMap((id) => runOf(id).hung);
    const finished = new Set<string>();
    const running = runSandboxed({
      runtime: runtime(),
      scratch,
      kataDir,
      exercises: remaining,
      timeoutMs: options.timeoutMs,
      skipTests: skip,
      ...(options.heapMb && { heapMb: options.heapMb }),
      ...(options.signal && { signal: options.signal }),
      onEvent: (event) => {
        switch (event.type) {
          case 'exercise-start':
            current = event.id;
            runOf(event.id).started = performance.now();
            break;
          case 'exercise-collected':
            runOf(event.id).totals.set(event.file, event.total);
            break;
          case 'test-end':
            record(runOf(event.id), event.test);
            break;
          case 'log':
            if (current) {
              // Keep a little more than the report shows, so the cut marker counts right.
              const r = runOf(current);
              const room = OUTPUT_PER_EXERCISE + 1 - r.output.length;
              if (room > 0) r.output += event.text.slice(0, room);
              r.outputDropped += Math.max(0, event.text.length - Math.max(room, 0));
              if (event.test) keepTestOutput(r, event.test, event.text);
            }
            break;
          case 'exercise-end': {
            const r = runOf(event.id);
            for (const t of event.tests) record(r, t);
            r.totals.set(event.file, event.tests.length);
            r.loadErrors = [...r.loadErrors, ...event.loadErrors];
            r.duration = (r.duration ?? 0) + event.duration;
            r.filesEnded.add(event.file);
            current = undefined;
            if (r.filesEnded.size >= testFileCount(event.id, exercises)) {
              finished.add(event.id);
              finish(event.id);
            }
            break;
          }
          case 'run-end':
            for (const e of event.errors) {
              const id = e.exercise ?? current;
              if (id) runOf(id).errors = [...(runOf(id).errors ?? []), e];
            }
            break;
        }
      },
    });
    // While the child starts vitest.
    typed ??= typeCheck(kataDir, staged.files);
    const result = await running;
    options.onRun?.(submission.student, result);
    const end = result.end;
    if (end.kind === 'aborted') return undefined;
    let culprit: string | undefined;
    if (end.kind === 'timeout' || (end.kind === 'crashed' && end.exercise)) {
      culprit = end.exercise!;
      const r = runOf(culprit);
      r.duration = (r.duration ?? 0) + (r.started ? performance.now() - r.started : 0);
      if (end.kind === 'timeout') {
        r.timeout = end.test ?? '';
      } else {
        r.crash = `${end.reason}${end.test ? ` in "${end.test}"` : ''}`;
        r.crashOutput = result.output;
      }
      // Run the rest of the exercise again without the test that hung, unless it hung loading.
      if (end.test && r.hung.length < MAX_HUNG_PER_EXERCISE) {
        r.hung.push(end.test);
        r.tests.set(end.test, hungOutcome(end, options.timeoutMs));
        remaining = remaining.filter((id) => !finished.has(id));
        continue;
      }
      finished.add(culprit);
      finish(culprit);
    } else if (end.kind === 'crashed') {
      // Died outside any exercise: nothing to blame but the run; give up what is left.
      for (const id of remaining) if (!finished.has(id)) runOf(id).crash = end.reason;
      remaining = [];
      break;
    }
    const before = remaining.length;
    remaining = remaining.filter((id) => !finished.has(id));
    if (end.kind === 'done' && remaining.length && remaining.length < before) {
      // The run ended early (learner code can cancel it): the rest get a fresh process.
      continue;
    } else if (end.kind === 'done') {
      for (const id of remaining)
        runOf(id).crash ??= 'the test process ended before this exercise ran';
      remaining = [];
    } else if (remaining.length === before) {
      break;
    }
  }

  const grades = exercises.map((exercise) => report(exercise));
  const grade: SubmissionGrade = {
    student: submission.student,
    source: submission.source,
    status: 'graded',
    hash,
    score: round2(grades.reduce((n, g) => n + g.score, 0)),
    maxScore,
    exercises: grades,
    ignored: staged.ignored.map((f) => ({ file: cut(f.file, MESSAGE_CAP), reason: f.reason })),
    isolation: isolationLayers(runtime(), options.heapMb),
    duration: Math.round(performance.now() - started),
  };
  SubmissionGradeSchema.parse(grade);
  saveResume(options.out, grade);
  return grade;
}

/**
 * The grades of the pack's own stubs, from one run of them per class, with no learner code in
 * it. A stub that imports no file of its own grades the same in every submission, so an exercise
 * handed in as that stub, byte for byte, takes that grade without a run of its own (its type
 * errors are still its own). Students who leave later exercises untouched cost nothing for them,
 * and no student's code can reach a grade that others share.
 */
class StubGrades {
  private readonly texts = new Map<string, Buffer>();
  private readonly pending = new Map<string, Promise<ExerciseGrade | undefined>>();

  constructor(
    exercises: Exercise[],
    private readonly gradeStubs:
      ((ids: string[]) => Promise<SubmissionGrade | undefined>) | undefined,
  ) {
    for (const e of exercises) {
      try {
        const text = readFileSync(join(e.dir, e.stubFile));
        // A stub that imports a file of the submission could grade differently in each: not kept.
        if (!/(?:\bfrom|\bimport)\s*\(?\s*['"]\./.test(text.toString('utf8')))
          this.texts.set(e.id, text);
      } catch {
        // No stub to compare with: every copy is run.
      }
    }
  }

  /** Whether the staged exercise is the stub alone, byte for byte. */
  isStub(exercise: Exercise, kataDir: string, files: Map<string, string[]>): boolean {
    const staged = files.get(exercise.id);
    const stub = this.texts.get(exercise.id);
    if (!stub || staged?.length !== 1 || staged[0] !== exercise.stubFile) return false;
    return readFileSync(join(kataDir, exercise.id, exercise.stubFile)).equals(stub);
  }

  /**
   * The grades of these stubs: those not asked for before run now, together, once. A stub whose
   * run did not end as planned has none, and its copies are run like any other file.
   */
  async grades(ids: string[]): Promise<Map<string, ExerciseGrade>> {
    if (!this.gradeStubs) return new Map();
    const fresh = ids.filter((id) => !this.pending.has(id));
    if (fresh.length) {
      const run = this.gradeStubs(fresh).then(
        (grade) => {
          // An aborted run is not kept: the next submission that needs these stubs tries again.
          if (!grade) for (const id of fresh) this.pending.delete(id);
          return grade;
        },
        () => undefined,
      );
      for (const id of fresh)
        this.pending.set(
          id,
          run.then((grade) => {
            const e = grade?.exercises.find((x) => x.id === id);
            if (!e || ['timeout', 'crashed', 'missing'].includes(e.status)) return undefined;
            const { typeErrors: _, ...rest } = e;
            return rest;
          }),
        );
    }
    const found = await Promise.all(
      ids.map(async (id) => [id, await this.pending.get(id)] as const),
    );
    return new Map(found.flatMap(([id, e]) => (e ? [[id, e] as const] : [])));
  }
}

interface ExerciseRun {
  /** Tests per test file, as collected. */
  totals: Map<string, number>;
  filesEnded: Set<string>;
  tests: Map<string, TestOutcome>;
  loadErrors: string[];
  errors?: { message: string; exercise?: string; test?: string }[];
  output: string;
  /** Characters of output not kept. */
  outputDropped: number;
  /** What each test printed (by full name), kept like `output`. */
  testOutput: Map<string, { text: string; dropped: number }>;
  duration?: number;
  started?: number;
  /** The test that was running when the per-exercise limit struck. */
  timeout?: string;
  crash?: string;
  crashOutput?: string;
  /** Tests skipped in later rounds because they hung or crashed. */
  hung: string[];
}

/** What an exercise printed (and a crash's last words), cut to the cap with a marker. */
function outputOf(run: ExerciseRun | undefined): string {
  if (!run) return '';
  const text = `${run.output}${run.crash && run.crashOutput ? `\n${run.crashOutput}` : ''}`;
  if (text.length <= OUTPUT_PER_EXERCISE && !run.outputDropped) return text;
  const more = text.length - OUTPUT_PER_EXERCISE + run.outputDropped;
  return `${text.slice(0, OUTPUT_PER_EXERCISE)}… [${more} more characters cut]`;
}

/** Keeps what one test printed, up to the cap and one character more, counting the rest. */
function keepTestOutput(run: ExerciseRun, test: string, text: string): void {
  const kept = run.testOutput.get(test) ?? { text: '', dropped: 0 };
  const room = MESSAGE_CAP + 1 - kept.text.length;
  if (room > 0) kept.text += text.slice(0, room);
  kept.dropped += Math.max(0, text.length - Math.max(room, 0));
  run.testOutput.set(test, kept);
}

/** What one test printed, cut to the cap with a marker. */
function testOutputOf(run: ExerciseRun | undefined, test: TestOutcome): string | undefined {
  const kept = run?.testOutput.get(fullName(test));
  if (!kept?.text) return undefined;
  if (kept.text.length <= MESSAGE_CAP && !kept.dropped) return kept.text;
  const more = kept.text.length - MESSAGE_CAP + kept.dropped;
  return `${kept.text.slice(0, MESSAGE_CAP)}… [${more} more characters cut]`;
}

/** A test's outcome, unless it hung earlier: that one stays failed though later runs skip it. */
function record(run: ExerciseRun, test: TestOutcome): void {
  const name = fullName(test);
  if (!run.hung.includes(name)) run.tests.set(name, test);
}

/** How to find the loop, for the message of a test that hung. */
const LOOP_FIX = 'Check that each loop this test reaches ends, or yields if it is meant to go on.';

/** The outcome of the test that was running when its run was stopped or died. */
function hungOutcome(
  end:
    | { kind: 'timeout'; test?: string; limitMs: number }
    | { kind: 'crashed'; test?: string; reason: string },
  timeoutMs: number,
): TestOutcome {
  const parts = end.test!.split(' > ');
  const message =
    end.kind === 'crashed'
      ? `the test process died here: ${end.reason}`
      : end.limitMs < timeoutMs
        ? `did not finish within its test timeout of ${end.limitMs / 1000} s of CPU time: an endless loop? ${LOOP_FIX}`
        : `did not finish within the exercise's limit of ${timeoutMs / 1000} s: an endless loop? ${LOOP_FIX}`;
  return {
    suite: parts.slice(0, -1),
    name: parts.at(-1)!,
    state: 'failed',
    failure: { message, stub: false },
  };
}

function exerciseGrade(
  exercise: Exercise,
  files: string[] | undefined,
  run: ExerciseRun | undefined,
  kataDir: string,
  options: GradeOptions,
  checked: Map<string, GradeFinding[]>,
): ExerciseGrade {
  const base = {
    id: exercise.id,
    title: exercise.meta.title,
    points: exercise.meta.points,
  };
  if (!files) {
    return {
      ...base,
      score: 0,
      status: 'missing',
      reason: `no ${exercise.id}/${exercise.stubFile} in the submission`,
      passed: 0,
      total: 0,
      tests: [],
      loadErrors: [],
      findings: [],
      warnings: [],
      output: '',
      duration: 0,
    };
  }
  let findings = checked.get(exercise.id);
  if (!findings) {
    findings = options.checker === 'off' ? [] : runChecker(exercise, kataDir);
    checked.set(exercise.id, findings);
  }
  const outcomes = [...(run?.tests.values() ?? [])].map((t) => {
    const output = testOutputOf(run, t);
    return tidyOutcome.call(kataDir, output ? { ...t, output } : t);
  });
  const collected = [...(run?.totals.values() ?? [])].reduce((n, k) => n + k, 0);
  const total = Math.max(collected, outcomes.length);
  const passed = outcomes.filter((t) => t.state === 'passed').length;
  // Whole, with vite's location and code frame: a syntax error's first line rarely says where.
  const loadErrors = (run?.loadErrors ?? []).map((e) =>
    cut(e.replaceAll(`${kataDir}/`, '').trimEnd(), MESSAGE_CAP),
  );
  const timedOutTest = outcomes.find((t) =>
    /Test timed out in \d+ms/.test(t.failure?.message ?? ''),
  );
  const essential = findings.filter((f) => f.severity === 'essential');
  const uncaught = (run?.errors ?? []).map(
    (e) => `uncaught error: ${cut(firstLine(e.message), MESSAGE_CAP)}`,
  );

  // vitest turns process.exit() in a worker into an error, and Node process.abort(); the grade
  // calls them what they are.
  const errors = [...loadErrors, ...uncaught, ...outcomes.map((t) => t.failure?.message ?? '')];
  const exitCall = errors
    .map((m) => /process\.exit unexpectedly called with "?([^"\s]*)"?/.exec(m))
    .find((m) => m);
  const abortCall = errors.some((m) => m.includes('process.abort() is not supported in workers'));
  let status: ExerciseGrade['status'];
  let reason: string | undefined;
  if (exitCall) {
    status = 'crashed';
    reason = `the code called process.exit(${exitCall[1]})`;
  } else if (abortCall) {
    status = 'crashed';
    reason = 'the code called process.abort()';
  } else if (run?.timeout !== undefined || timedOutTest) {
    status = 'timeout';
    const hung = run?.hung.length ? run.hung : [run?.timeout ?? fullName(timedOutTest!)];
    reason = hung[0]
      ? `timed out in "${hung[0]}"${hung.length > 1 ? ` and ${hung.length - 1} more tests` : ''}`
      : `timed out while loading ${exercise.stubFile}: an endless loop at its top level?`;
  } else if (run?.crash) {
    status = 'crashed';
    reason = run.crash;
  } else if (essential.length && options.checker === 'withhold' && passed > 0) {
    status = 'withheld';
    reason = `checker: ${essential.map((f) => `${f.rule} (${f.file}:${f.line})`).join(', ')}`;
  } else if (total > 0 && passed === total && !uncaught.length) {
    status = 'passed';
  } else if (passed > 0) {
    status = 'partial';
    reason = uncaught[0] ?? `${total - passed} of ${total} tests failed`;
  } else {
    status = 'failed';
    reason =
      (loadErrors[0] && loadErrorLine(loadErrors[0])) ??
      uncaught[0] ??
      (total ? `all ${total} tests failed` : 'no test ran');
  }
  // An uncaught error (say, thrown in a timer) fails the run it happened in: it costs one test.
  const earned = uncaught.length && passed === total && total > 0 ? passed - 1 : passed;
  const score =
    status === 'withheld' || total === 0 ? 0 : round2((exercise.meta.points * earned) / total);
  return {
    ...base,
    score,
    status,
    ...(reason !== undefined && { reason: cut(reason, MESSAGE_CAP) }),
    passed: earned,
    total,
    tests: outcomes,
    loadErrors: [...loadErrors, ...uncaught],
    findings,
    warnings:
      options.checker === 'report' && essential.length
        ? ['essential findings not deducted (--checker report)']
        : [],
    output: outputOf(run),
    duration: Math.round(run?.duration ?? 0),
  };
}

/** Messages cut to the cap; paths in the staged copy made relative to the submission. */
function tidyOutcome(this: string, t: TestOutcome): TestOutcome {
  const out: TestOutcome = {
    ...t,
    ...(t.duration !== undefined && { duration: Math.round(t.duration) }),
  };
  if (t.failure) {
    const f = {
      ...t.failure,
      message: cut(t.failure.message.split(this + '/').join(''), MESSAGE_CAP),
    };
    // The pack's files ran from the runtime view, which gradeClass makes beside the scratch
    // folders (<root>/pack beside <root>/s<i>/kata): relative to it, a path is the same each run.
    const view = join(this, '..', '..', 'pack');
    for (const key of ['at', 'thrownAt'] as const) {
      const loc = f[key];
      if (loc) {
        const base = [this, view].find((dir) => loc.file.startsWith(`${dir}/`)) ?? ROOT;
        f[key] = { ...loc, file: relative(base, loc.file) };
      }
    }
    out.failure = f;
  }
  delete out.declaredAt;
  return out;
}

// The checker (and TypeScript with it) loads only when a submission is graded, not resumed.
type CheckExercise = typeof import('../../checker/index.ts').checkExercise;
let checkExercise: CheckExercise | undefined;
let typeChecker: import('./typecheck.ts').TypeChecker | undefined;

/** Type errors by exercise; none listed (not an error) if TypeScript itself fails. */
function typeCheck(kataDir: string, files: Map<string, string[]>): Map<string, TypeWarning[]> {
  try {
    return typeChecker!.check(kataDir, files);
  } catch {
    return new Map();
  }
}

function runChecker(exercise: Exercise, kataDir: string): GradeFinding[] {
  try {
    return checkExercise!(exercise, kataDir).map((f) => ({
      ...f,
      file: relative(kataDir, f.file),
      message: cut(f.message, MESSAGE_CAP),
    }));
  } catch (err) {
    return [
      {
        rule: 'checker-error',
        severity: 'informative',
        file: `${exercise.id}/${exercise.stubFile}`,
        line: 1,
        column: 1,
        message: cut(
          `the checker could not read this file: ${(err as Error).message}`,
          MESSAGE_CAP,
        ),
      },
    ];
  }
}

/**
 * The pack's side of the resume key: the graded exercises' folders (tests, meta), the test
 * helpers in lib/, the grader and the checker, and the settings.
 */
function packHash(options: GradeOptions, exercises: Exercise[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ timeoutMs: options.timeoutMs, checker: options.checker }));
  const walk = (dir: string, deep: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (deep && entry.name !== 'fixtures') walk(path, deep);
      } else if (/\.(ts|mjs|cjs|json)$/.test(entry.name)) {
        hash.update(relative(ROOT, path)).update(readFileSync(path));
      }
    }
  };
  for (const e of exercises) walk(e.dir, true);
  walk(join(ROOT, 'lib'), false);
  walk(join(ROOT, 'lib', 'grade'), false);
  walk(join(ROOT, 'checker'), true);
  return hash.digest('hex');
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

function fileHash(path: string): string {
  try {
    return sha(readFileSync(path));
  } catch {
    return 'folder';
  }
}

/** An exercise's test files: most have one, some share a suite across several. */
function testFileCount(id: string, exercises: Exercise[]): number {
  const exercise = exercises.find((e) => e.id === id);
  if (!exercise) return 1;
  return readdirSync(exercise.dir).filter((f) => f.endsWith('.test.ts')).length || 1;
}

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const round2 = (n: number) => Math.round(n * 100) / 100;
/** A load error in one line: its first line that says something, and where, when it says. */
function loadErrorLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const first = lines.find((l) => l && !/^Transform failed with \d+ errors?:$/.test(l)) ?? text;
  const at = /[\w./-]+\.[cm]?[jt]sx?:\d+:\d+/.exec(text)?.[0];
  return at && !first.includes(at) ? `${first} (${at})` : first;
}

const firstLine = (text: string) => text.split('\n').find((l) => l.trim()) ?? text;
