/**
 * Renderers: pure functions from the result model to text. Colour is a parameter (picocolors
 * with colour on or off), paths are shown relative to `cwd`.
 */
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types';
import type { Finding } from '../checker/index.ts';
import { SOLUTIONS_DIR } from '../lib/paths.ts';
import type { Exercise } from '../lib/catalog.ts';
import type { ProgressRow, Totals } from './progress.ts';
import {
  isWaiting,
  type ExerciseResult,
  type Failure,
  type Location,
  type Status,
  type TestOutcome,
} from './results.ts';
import { groupByTask, type ReadmeTask, type TaskGroup } from './tasks.ts';

export interface RenderOptions {
  colors: Colors;
  cwd: string;
  /** Prose (hints, findings) is wrapped to this many columns. */
  width?: number;
}

/** Colour on a terminal that supports it (picocolors honours NO_COLOR and FORCE_COLOR). */
export function renderOptions(
  stream: { isTTY?: boolean; columns?: number } = process.stdout,
): RenderOptions {
  const enabled = pc.isColorSupported && (stream.isTTY === true || 'FORCE_COLOR' in process.env);
  const width = Math.min(stream.columns || 100, 120);
  return { colors: pc.createColors(enabled), cwd: process.cwd(), width };
}

/**
 * Word-wraps `text` to `width` columns, every line starting with `indent`.
 * @example wrap('a b c', 5, '  ') // ['  a b', '  c']
 */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && indent.length + stripVTControlCharacters(next).length > width) {
      lines.push(indent + line);
      line = word;
    } else line = next;
  }
  if (line || lines.length === 0) lines.push(indent + line);
  return lines;
}

export function shownPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function where(loc: Location, cwd: string): string {
  return `${shownPath(loc.file, cwd)}:${loc.line}:${loc.column}`;
}

/** `01 · Lazy range` */
export function exerciseTitle(exercise: Exercise): string {
  return `${String(exercise.number).padStart(2, '0')} · ${exercise.meta.title}`;
}

/** One word or phrase for a status, coloured. */
export function statusLabel(status: Status | undefined, c: Colors): string {
  switch (status?.kind) {
    case 'done':
      return c.green('done');
    case 'heavy':
      return c.yellow(`other tests pass, ${plural(status.waiting, 'heavy test')} to run`);
    case 'failing':
      return c.red(`failing ${status.failed} of ${status.total}`);
    case 'checker':
      return c.yellow(`tests pass, ${plural(status.essential, 'checker finding')}`);
    case 'not-started':
      return c.dim('not started');
    case 'error':
      return c.red('error');
    default:
      return c.dim('not run yet');
  }
}

/**
 * `[██████░░░░░░]  3/11 done · 30/120 points`
 * @example renderProgressBar({ done: 1, total: 4, points: 10, maxPoints: 40 }, opts, 8)
 */
export function renderProgressBar(t: Totals, { colors: c }: RenderOptions, width = 30): string {
  const filled = t.total ? Math.round((t.done / t.total) * width) : 0;
  const bar = c.green('█'.repeat(filled)) + c.dim('░'.repeat(width - filled));
  return `${bar}  ${c.bold(`${t.done}/${t.total}`)} done · ${t.points}/${t.maxPoints} points`;
}

/** The progress table of `kata list`, with the totals line. */
export function renderTable(
  rows: readonly ProgressRow[],
  t: Totals,
  opts: RenderOptions,
  problems: readonly string[] = [],
): string {
  const c = opts.colors;
  const titleWidth = Math.max(8, ...rows.map((r) => r.exercise.meta.title.length));
  const head = `${'#'.padStart(3)}  ${'exercise'.padEnd(titleWidth)}  ${'status'.padEnd(28)}  points`;
  const lines = [c.dim(head)];
  for (const { exercise, status } of rows) {
    const label = statusLabel(status, c);
    const pad = ' '.repeat(Math.max(1, 28 - stripVTControlCharacters(label).length));
    const earned = status?.kind === 'done' ? exercise.meta.points : 0;
    const points = `${earned}/${exercise.meta.points}`.padStart(6);
    lines.push(
      `${String(exercise.number).padStart(3)}  ${exercise.meta.title.padEnd(titleWidth)}  ${label}${pad}  ${points}`,
    );
  }
  lines.push(
    '',
    `${c.bold(`${t.done} of ${t.total} done`)} · ${t.points} of ${t.maxPoints} points`,
  );
  for (const problem of problems) lines.push(c.yellow(problem));
  return lines.join('\n');
}

export interface ReportOptions extends RenderOptions {
  /** The README's `### N. Title` headings, to name the task groups. */
  tasks: readonly ReadmeTask[];
  /** How many failures get their expected/received lines; the rest get one line each. */
  maxDetailed?: number;
  /** Lines of the learner's console output to show (the last ones). */
  maxLogLines?: number;
}

/** The compact report of one exercise: failing tests by README task, then checker findings. */
export function renderResult(result: ExerciseResult, opts: ReportOptions): string {
  const c = opts.colors;
  const { exercise, report, status } = result;
  const out: string[] = [];
  out.push(`${c.bold(exerciseTitle(exercise))}  ${statusLabel(status, c)}`);
  out.push(c.dim(`${shownPath(result.learnerFile, opts.cwd)}`));
  out.push('');

  if (report.loadErrors.length) {
    for (const err of report.loadErrors) {
      out.push(c.red(err.message));
      if (err.at) out.push(`  at ${where(err.at, opts.cwd)}`);
      if (err.frame) {
        const frame = c.isColorSupported ? err.frame : stripVTControlCharacters(err.frame);
        out.push(...frame.split('\n').map((l) => `  ${l}`));
      }
      out.push('');
    }
  } else if (report.interrupted) {
    out.push(c.red(`The run was stopped: ${report.interrupted}`), '');
  }

  if (status.kind === 'not-started') {
    const readme = shownPath(`${exercise.dir}/README.md`, opts.cwd);
    out.push(
      `Not started: read ${readme}, then write ${shownPath(result.learnerFile, opts.cwd)}.`,
      `${plural(report.tests.length, 'test')} wait for it, task by task:`,
      '',
    );
  }

  let detailed = 0;
  let previous = '';
  const nothingFinished = report.tests.every((t) => t.state === 'pending');
  const maxDetailed = opts.maxDetailed ?? Infinity;
  for (const group of groupByTask(report.tests, opts.tasks)) {
    const failing = group.tests.filter((t) => t.state === 'failed' || t.state === 'pending');
    const waiting = group.tests.filter(isWaiting);
    const heavyNow = status.kind === 'heavy';
    out.push(groupHeading(group, failing.length, waiting.length, heavyNow, opts));
    if (status.kind === 'not-started' || nothingFinished) continue;
    for (const test of failing) {
      const key = test.failure ? failureKey(test.failure) : '';
      const same = key !== '' && key === previous;
      const detail = !same && test.failure && detailed < maxDetailed;
      if (detail) detailed += 1;
      previous = key;
      out.push(...renderTest(test, detail ? test.failure : undefined, opts, same));
    }
    // Heavy tests wait for the others (watch mode): say so, so the learner knows they exist.
    const why = heavyNow ? 'running now' : 'runs once the other tests pass';
    for (const test of waiting)
      out.push(`    ${c.yellow('◦')} ${test.name}${c.dim(`  (heavy: ${why})`)}`);
  }
  if (report.tests.length) out.push('');

  // A stub breaks every rule; the checker speaks once the learner has started.
  if (result.findings.length && status.kind !== 'not-started') {
    out.push(c.bold('Checker'));
    out.push(...result.findings.map((f) => renderFinding(f, opts)));
    out.push('');
  }

  const maxLog = opts.maxLogLines ?? 10;
  if (report.logs.length && maxLog > 0) {
    const shown = report.logs.slice(-maxLog);
    const more = report.logs.length - shown.length;
    out.push(
      c.bold(
        `Console output${more ? ` (last ${shown.length} of ${report.logs.length} lines)` : ''}`,
      ),
    );
    out.push(...shown.map((l) => c.dim(`  ${l}`)), '');
  }

  if (status.kind === 'done') {
    out.push(
      c.green(`✓ ${exerciseTitle(exercise)} is done: every test passes and the checker agrees.`),
      solutionOffer(exercise, opts.cwd),
    );
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}

/** Said once an exercise is done, never before (as rustlings does). */
export function solutionOffer(exercise: Exercise, cwd: string): string {
  const file = shownPath(join(SOLUTIONS_DIR, exercise.id, exercise.stubFile), cwd);
  return `Compare with the reference solution: ${file} (kata solution ${exercise.number} prints it).`;
}

function groupHeading(
  group: TaskGroup,
  failing: number,
  waiting: number,
  heavyNow: boolean,
  opts: RenderOptions,
): string {
  const c = opts.colors;
  const name = group.number !== undefined ? `${group.number}. ${group.title}` : group.title;
  const readme = group.readmeLine !== undefined ? c.dim(`  README.md:${group.readmeLine}`) : '';
  const total = group.tests.length;
  if (group.tests.every((t) => t.state === 'pending')) {
    return `${c.yellow('…')} ${name}${readme}${c.dim(`  (${plural(total, 'test')} did not finish)`)}`;
  }
  const heavy = waiting
    ? `, ${plural(waiting, 'heavy test')} ${heavyNow ? 'running' : 'waiting'}`
    : '';
  if (failing === 0 && waiting) {
    return `${c.yellow('◦')} ${name}${c.dim(`  (${total - waiting} of ${total} pass${heavy})`)}`;
  }
  if (failing === 0) return `${c.green('✓')} ${name}${c.dim(`  (${plural(total, 'test')})`)}`;
  const count = c.dim(`  (${failing} of ${total} failing${heavy})`);
  return `${c.red('✗')} ${c.bold(name)}${readme}${count}`;
}

/** Failures with the same message thrown from the same place are shown in full only once. */
function failureKey(f: Failure): string {
  const at = f.thrownAt ? `${f.thrownAt.file}:${f.thrownAt.line}` : '';
  return `${f.message}\0${f.expected ?? ''}\0${f.received ?? ''}\0${at}`;
}

function renderTest(
  test: TestOutcome,
  failure: Failure | undefined,
  opts: RenderOptions,
  sameAsAbove = false,
): string[] {
  const c = opts.colors;
  const loc = test.failure?.at ?? test.declaredAt;
  const place = loc ? c.dim(`  ${where(loc, opts.cwd)}`) : '';
  if (test.state === 'pending') {
    return [`    ${c.yellow('…')} ${test.name}${c.dim('  (did not finish)')}`];
  }
  const note = sameAsAbove ? c.dim('  (same error as above)') : '';
  if (!failure) return [`    ${c.red('✗')} ${test.name}${note}${place}`];
  const lines = [`    ${c.red('✗')} ${test.name}`];
  const compared = failure.expected !== undefined && failure.received !== undefined;
  const width = opts.width ?? 100;
  // A message of its own (not vitest's "expected x to be y") says what the test meant. It is
  // shown whole, wrapped, never cut: its end is often the part that explains.
  if (!compared || !/^expected\b/.test(failure.message)) {
    lines.push(...wrap(failure.message, width, '        '));
  }
  if (compared) {
    lines.push(...labelled(c.dim('expected'), failure.expected!, c.green, width));
    lines.push(...labelled(c.dim('received'), failure.received!, c.red, width));
  }
  if (failure.thrownAt) lines.push(c.dim(`        thrown at ${where(failure.thrownAt, opts.cwd)}`));
  if (loc) lines.push(c.dim(`        ${where(loc, opts.cwd)}`));
  return lines;
}

/**
 * `expected <value>`, a long value folded under itself. Unlike prose, a value keeps its spaces:
 * it breaks after a space when there is one in the line's second half, else mid-token.
 */
function labelled(label: string, value: string, tone: (s: string) => string, width: number) {
  const indent = ' '.repeat(8 + stripVTControlCharacters(label).length + 1);
  const room = Math.max(20, width - indent.length);
  const parts: string[] = [];
  let rest = value;
  while (rest.length > room) {
    const space = rest.lastIndexOf(' ', room);
    const cut = space > room / 2 ? space + 1 : room;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.map((part, i) => (i ? indent : `        ${label} `) + tone(part));
}

/** `  essential  lazy-range.ts:3:5  no-eager-collection` and the message under it. */
export function renderFinding(f: Finding, opts: RenderOptions): string {
  const c = opts.colors;
  const tone = f.severity === 'essential' ? c.red : f.severity === 'actionable' ? c.yellow : c.dim;
  const head = `  ${tone(f.severity.padEnd(11))} ${where(f, opts.cwd)}  ${c.dim(f.rule)}`;
  return [head, ...wrap(f.message, opts.width ?? 100, '      ')].join('\n');
}

/** `Hint 2 of 4 for 01 · Lazy range:` and the hint. */
export function renderHint(
  exercise: Exercise,
  shown: number,
  opts: RenderOptions,
  repeated: boolean,
): string {
  const c = opts.colors;
  const hints = exercise.meta.hints;
  const text = hints[shown - 1]!;
  const head = `Hint ${shown} of ${hints.length} for ${exerciseTitle(exercise)}:`;
  const lines = [c.bold(head), ...wrap(text, opts.width ?? 100, '  ')];
  if (repeated)
    lines.unshift(c.dim(`All ${hints.length} hints are shown; here is the last one again.`));
  else if (shown === hints.length) lines.push(c.dim('That was the last hint.'));
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
