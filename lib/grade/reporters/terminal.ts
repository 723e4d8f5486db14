/**
 * The terminal: a progress bar while grading (plain lines when stdout is not a terminal), then a
 * table of students × exercises with totals. Colours follow picocolors, which honours NO_COLOR.
 */
import pc from 'picocolors';
import type { ExerciseGrade, GradeReport, SubmissionGrade } from '../../model.ts';
import type { Reporter } from './index.ts';
import { cellText, fmt, LEGEND } from './marks.ts';

const COLOUR: Record<ExerciseGrade['status'], (s: string) => string> = {
  passed: pc.green,
  partial: pc.yellow,
  failed: pc.red,
  timeout: pc.red,
  crashed: pc.red,
  missing: pc.dim,
  withheld: pc.magenta,
};

export const terminalReporter: Reporter = {
  description: 'the terminal: a table of students × exercises and totals',
  write(report) {
    process.stdout.write(`${renderTable(report)}\n`);
  },
};

/** The table as text (colours when picocolors allows them). */
export function renderTable(report: GradeReport): string {
  const heads = report.exercises.map((e) => e.id.slice(0, 2));
  const rows = report.submissions.map((s) => ({
    name: s.student,
    cells: report.exercises.map((e) => cell(s, e.id)),
    total: s.status === 'error' ? pc.red('error') : `${fmt(s.score)}/${s.maxScore}`,
    note: s.status === 'error' ? (s.reason ?? '') : '',
  }));
  const nameWidth = Math.max(7, ...rows.map((r) => r.name.length));
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => visible(r.cells[i]!))));
  const pad = (text: string, width: number) =>
    ' '.repeat(Math.max(0, width - visible(text))) + text;
  const lines = [
    pc.bold(
      ['student'.padEnd(nameWidth), ...heads.map((h, i) => pad(h, widths[i]!)), 'total'].join('  '),
    ),
  ];
  for (const r of rows) {
    lines.push(
      [
        r.name.padEnd(nameWidth),
        ...r.cells.map((c, i) => pad(c, widths[i]!)),
        r.total,
        pc.dim(r.note),
      ]
        .join('  ')
        .trimEnd(),
    );
  }
  lines.push(pc.dim(`score per exercise; ${LEGEND}`));
  lines.push(...typeErrorLines(report));
  if (report.interrupted)
    lines.push(pc.yellow('interrupted: only the submissions above were graded'));
  return lines.join('\n');
}

/** Type errors shown under the table: they cost nothing, so one line per exercise, the first. */
const TYPE_ERROR_LINES = 20;

function typeErrorLines(report: GradeReport): string[] {
  const lines: string[] = [];
  let more = 0;
  for (const s of report.submissions) {
    for (const e of s.exercises) {
      const first = e.typeErrors?.[0];
      if (!first) continue;
      if (lines.length >= TYPE_ERROR_LINES) {
        more += 1;
        continue;
      }
      const n = e.typeErrors!.length;
      lines.push(
        pc.yellow(
          `${s.student} ${e.id}: ${n === 1 ? 'a type error' : `${n} type errors`} (cost nothing): ` +
            `${first.file}:${first.line}:${first.column} TS${first.code} ${oneLine(first.message)}`,
        ),
      );
    }
  }
  if (more) lines.push(pc.yellow(`… and ${more} more exercises with type errors (report.json)`));
  return lines;
}

const oneLine = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

function cell(s: SubmissionGrade, id: string): string {
  const g = s.exercises.find((e) => e.id === id);
  if (!g) return pc.dim('·');
  const text = cellText(g, '');
  return g.untouched ? pc.dim(text) : COLOUR[g.status](text);
}

const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;

/** Progress while grading: a bar on a terminal, a line per submission otherwise. */
export class Progress {
  private readonly started = performance.now();
  private readonly tty: boolean;
  private timer: NodeJS.Timeout | undefined;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY) && !process.env.CI;
    if (this.tty) {
      this.timer = setInterval(() => this.draw(), 250);
      this.timer.unref();
    }
  }

  graded(grade: SubmissionGrade, done: number): void {
    this.done = done;
    if (this.tty) this.draw();
    else {
      const what =
        grade.status === 'error'
          ? `error: ${grade.reason}`
          : `${fmt(grade.score)}/${grade.maxScore}`;
      this.out.write(`[${done}/${this.total}] ${grade.student}: ${what}\n`);
    }
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.tty) this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    const elapsed = (performance.now() - this.started) / 1000;
    const width = 24;
    const filled = Math.round((width * this.done) / Math.max(1, this.total));
    const left = this.done ? (elapsed / this.done) * (this.total - this.done) : undefined;
    const eta = left === undefined ? '' : `, about ${Math.ceil(left)} s left`;
    const bar = pc.green('█'.repeat(filled)) + pc.dim('░'.repeat(width - filled));
    this.out.write(
      `\r\x1b[2K${bar} ${this.done}/${this.total} graded, ${Math.round(elapsed)} s${eta}`,
    );
  }
}
