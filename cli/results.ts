/**
 * The runner's data model: what one run of an exercise's tests produced, as plain data. The
 * vitest driver fills it, the renderers print it, the progress model judges it.
 */
import { isAbsolute, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Finding } from '../checker/index.ts';
import type { Exercise } from '../lib/catalog.ts';
import type { Failure, Location, TestOutcome } from '../lib/model.ts';

// A test outcome, its failure and locations are the pack's one model of results (lib/model.ts),
// shared with the self-check and the grader.
export type { Failure, Location, TestOutcome } from '../lib/model.ts';

/** An error that kept the test file from running: a syntax error in the learner's file, say. */
export interface LoadError {
  message: string;
  at?: Location;
  /** The code frame vitest (vite's transform) printed around `at`; may hold ANSI colours. */
  frame?: string;
}

/** The result of running one exercise's test file. */
export interface TestReport {
  testFile: string;
  tests: TestOutcome[];
  loadErrors: LoadError[];
  /** Set when the run ended before this file's tests did: an endless loop, a crashed worker. */
  interrupted?: string;
  /** What the learner's code printed with console.log, ANSI removed, oldest first. */
  logs: string[];
}

export type Status =
  | { kind: 'done' }
  /** Every other test passes; `waiting` heavy tests run next (watch mode's first report). */
  | { kind: 'heavy'; waiting: number }
  | { kind: 'failing'; failed: number; total: number }
  | { kind: 'checker'; essential: number }
  | { kind: 'not-started' }
  | { kind: 'error'; reason: string };

/** One exercise judged: its tests, the checker's findings and the verdict. */
export interface ExerciseResult {
  exercise: Exercise;
  learnerFile: string;
  report: TestReport;
  findings: Finding[];
  status: Status;
}

/** A heavy test the run held back: it runs once every other test of its file passes. */
export function isWaiting(test: TestOutcome): boolean {
  return test.heavy === true && test.state === 'skipped';
}

/**
 * True when a report's held-back heavy tests are due: it loaded, ran to its end, and every other
 * test that ran passed.
 */
export function heavyDue(report: TestReport): boolean {
  return (
    report.loadErrors.length === 0 &&
    !report.interrupted &&
    report.tests.some(isWaiting) &&
    report.tests.every((t) => t.state === 'passed' || t.state === 'skipped')
  );
}

/**
 * The whole report of a file run in two phases: the first run's outcomes, with the held-back
 * heavy tests' outcomes taken from the second run (which ran only those). The second run's load
 * errors and interruption count, as it is the later look at the file.
 */
export function withHeavy(first: TestReport, second: TestReport): TestReport {
  // The same file collects its tests in the same order each time; names with an occurrence
  // count tell apart two tests of the same name.
  const key = (t: TestOutcome, seen: Map<string, number>) => {
    const name = [...t.suite, t.name].join('\0');
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name}\0${n}`;
  };
  const later = new Map<string, TestOutcome>();
  const seenLater = new Map<string, number>();
  for (const t of second.tests) later.set(key(t, seenLater), t);
  const seen = new Map<string, number>();
  const merged: TestReport = {
    testFile: first.testFile,
    tests: first.tests.map((t) => {
      const k = key(t, seen);
      return isWaiting(t) ? (later.get(k) ?? t) : t;
    }),
    loadErrors: second.loadErrors,
    logs: [...first.logs, ...second.logs],
  };
  if (second.interrupted) merged.interrupted = second.interrupted;
  return merged;
}

/** The text every stub throws (CONTRIBUTING.md): an error carrying it means "not started". */
export const STUB_MARKER = 'Not implemented yet';

/** The error shape vitest serialises (`TestError` in @vitest/utils), kept structural here. */
export interface RawError {
  message?: string;
  name?: string;
  stack?: string;
  stacks?: { file: string; line: number; column: number; method?: string }[];
  expected?: string;
  actual?: string;
  frame?: string;
  [key: string]: unknown;
}

/** Values longer than this are cut (a long array says no more at its end); the runner wraps them. */
const MAX_VALUE = 240;

/**
 * Reduces a test's error to a `Failure`.
 * @example summarizeError(err, '/x/01-a/a.test.ts', '/x/01-a/a.ts').at?.line // 12
 */
export function summarizeError(err: RawError, testFile: string, learnerFile: string): Failure {
  const full = stripVTControlCharacters(err.message ?? '');
  const first = headline(full);
  const named =
    err.name && !['Error', 'AssertionError'].includes(err.name) ? `${err.name}: ${first}` : first;
  const failure: Failure = {
    message: named.trim(),
    stub: [full, err.stack, err.actual].some(
      (t) => typeof t === 'string' && t.includes(STUB_MARKER),
    ),
  };
  if (typeof err.expected === 'string' && typeof err.actual === 'string') {
    failure.expected = compactValue(err.expected);
    failure.received = compactValue(err.actual);
  }
  const frames = err.stacks ?? [];
  const inTest = frames.findIndex((f) => f.file === testFile);
  if (inTest >= 0) failure.at = frameLocation(frames[inTest]!);
  const inLearner = frames.findIndex((f) => f.file === learnerFile);
  if (inLearner >= 0 && (inTest < 0 || inLearner < inTest)) {
    failure.thrownAt = frameLocation(frames[inLearner]!);
  }
  return failure;
}

/**
 * The line that says what went wrong: the first one, unless the message carries a child
 * process's stderr (a file path, a code line, then `Error: ...`), where the error line is better.
 */
function headline(message: string): string {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  const errorLine = lines.find((l) => /^\s*(?:Uncaught )?(?:[A-Z]\w*)?Error\b.*?: /.test(l));
  const first = lines[0] ?? '(no message)';
  if (errorLine && /^(file:|\/|\s)/.test(first)) return errorLine.trim();
  return first;
}

function frameLocation(f: { file: string; line: number; column: number }): Location {
  return { file: f.file, line: f.line, column: f.column };
}

/**
 * One line for a value vitest printed over several (pretty-format), cut at 240 characters.
 * @example compactValue('[\n  0,\n  1,\n]') // '[0, 1]'
 */
export function compactValue(text: string): string {
  const plain = stripVTControlCharacters(text);
  let one: string;
  if (/^[[{]|^\w+ [[{]/.test(plain)) {
    one = plain
      .split('\n')
      .map((l) => l.trim())
      .join(' ')
      .replace(/"([A-Za-z_$][\w$]*)": /g, '$1: ')
      .replace(/\[ /g, '[')
      .replace(/,? \]/g, ']')
      .replace(/,? \}/g, ' }')
      .replace(/\{ \}/g, '{}');
  } else {
    one = plain.replace(/\n/g, '\\n');
  }
  return one.length > MAX_VALUE ? `${one.slice(0, MAX_VALUE - 1)}…` : one;
}

/**
 * Reads an error raised while loading a test file. Vite's transform errors carry the location in
 * their text (`[ path:line:col ]`) followed by a code frame; other errors carry a stack.
 * @example parseLoadError(err, '/repo', '/repo/exercises/01-a/a.ts').at // { file, line: 2, column: 33 }
 */
export function parseLoadError(err: RawError, root: string, learnerFile?: string): LoadError {
  const raw = err.message ?? String(err);
  const lines = raw.split('\n');
  const plain = lines.map((l) => stripVTControlCharacters(l));
  // "Transform failed with 1 error:" is a heading; the error itself is on the next line.
  let i = plain.findIndex((l) => l.trim() !== '');
  if (i >= 0 && /:\s*$/.test(plain[i]!) && plain.slice(i + 1).some((l) => l.trim() !== '')) {
    i = plain.findIndex((l, j) => j > i && l.trim() !== '');
  }
  let message = i >= 0 ? plain[i]!.trim() : '(no message)';
  const code = /^\[([A-Z_]+)\]\s*(.*)$/.exec(message);
  if (code) message = `${code[1] === 'PARSE_ERROR' ? 'SyntaxError' : code[1]}: ${code[2]}`;
  else if (err.name && err.name !== 'Error' && !message.startsWith(err.name)) {
    message = `${err.name}: ${message}`;
  }
  const result: LoadError = { message };

  const rollupId = (err.__vitest_rollup_error__ as { id?: string } | undefined)?.id;
  const loc = /([^\s[\]()'"`]+\.[cm]?[jt]sx?):(\d+):(\d+)/.exec(plain.slice(i + 1).join('\n'));
  if (loc) {
    const file = rollupId ?? (isAbsolute(loc[1]!) ? loc[1]! : resolve(root, loc[1]!));
    result.at = { file, line: Number(loc[2]), column: Number(loc[3]) };
  } else {
    const frames = err.stacks ?? [];
    const frame =
      frames.find((f) => f.file === learnerFile) ??
      frames.find((f) => !f.file.includes('/node_modules/'));
    if (frame) result.at = frameLocation(frame);
  }

  const rest = lines.slice(i + 1);
  while (rest.length && stripVTControlCharacters(rest.at(-1)!).trim() === '') rest.pop();
  while (rest.length && stripVTControlCharacters(rest[0]!).trim() === '') rest.shift();
  const frameText = rest.length ? rest.join('\n') : typeof err.frame === 'string' ? err.frame : '';
  if (frameText.trim()) result.frame = frameText;
  return result;
}
