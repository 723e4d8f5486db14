/**
 * `kata` with no command: the watch screen. It runs the first unfinished exercise, shows its
 * failing tests and the checker's findings, and re-runs when the learner saves (vitest's own
 * watcher). A finished exercise hands over to the next unfinished one. Keys: h hint, n next,
 * l list, q or Ctrl-C quit. Outside a terminal it prints the progress table once instead.
 * Tests tagged heavy run last: the report without them comes first, and they run once every
 * other test passes; the exercise is done only when they pass too.
 */
import { emitKeypressEvents } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import type { Finding } from '../../checker/index.ts';
import type { Exercise } from '../../lib/catalog.ts';
import { findingsFor, judge, loadChecker } from '../evaluate.ts';
import { learnerDir, learnerFile, loadCatalog, testFile } from '../exercises.ts';
import { tasksOf, warn } from '../io.ts';
import { nextUnfinished, totals, type ProgressRow } from '../progress.ts';
import {
  exerciseTitle,
  renderOptions,
  renderProgressBar,
  renderResult,
  renderTable,
  shownPath,
  solutionOffer,
  type RenderOptions,
} from '../render.ts';
import type { ExerciseResult, TestReport } from '../results.ts';
import { remember, rememberedRows } from '../survey.ts';
import { VitestDriver } from '../vitest-driver.ts';
import { nextHint } from './hint.ts';
import { list } from './list.ts';

export async function watch(): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return list();
  return new WatchSession().start();
}

/** Terminal rows the lines take, long ones wrapping. */
function rowsOf(lines: readonly string[]): number {
  const columns = process.stdout.columns || 80;
  return lines.reduce(
    (n, line) => n + Math.max(1, Math.ceil(stripVTControlCharacters(line).length / columns)),
    0,
  );
}

const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

class WatchSession {
  private readonly dir = learnerDir();
  private readonly opts: RenderOptions = renderOptions();
  private readonly problems: string[];
  private readonly rows: ProgressRow[];
  private driver: VitestDriver | undefined;
  private current: ProgressRow | undefined;
  private result: ExerciseResult | undefined;
  private showList = false;
  private notice = '';
  private hint = '';
  private activity = '';
  private slow = '';
  private ticker: NodeJS.Timeout | undefined;
  /** When the learner's save was seen, to show how long the re-run took. */
  private savedAt = 0;
  /** From the save to the first report, while the heavy tests run. */
  private firstMs = 0;
  /** Run ends to drop: runs the session interrupted itself (a save, `n`, quitting). */
  private dropEnds = 0;
  /** The checker's findings on the current file, asked for when its tests started. */
  private findings: Promise<Finding[]> | undefined;
  private seq = 0;
  private exit!: (code: number) => void;

  constructor() {
    const catalog = loadCatalog();
    this.problems = catalog.problems;
    this.rows = rememberedRows(catalog.exercises, { dir: this.dir, warn });
  }

  async start(): Promise<number> {
    const exited = new Promise<number>((resolve) => (this.exit = resolve));
    this.takeTerminal();
    this.activity = 'starting vitest…';
    this.draw();
    const learnerOf = new Map(
      this.rows.map((r) => [testFile(r.exercise), this.learner(r.exercise)]),
    );
    this.driver = await VitestDriver.create({
      watch: true,
      learnerFileOf: (file) => learnerOf.get(file) ?? file,
      onRerun: (files) => {
        if (!this.current || !files.includes(testFile(this.current.exercise))) return;
        this.notice = '';
        this.running('re-running after a save');
      },
      onSlow: (seconds) => {
        this.slow = `no result after ${seconds} s: an endless loop? Save a fix to restart the run, or press n.`;
        this.draw();
      },
      onRerunError: (err) => this.fail(err),
      onRunEnd: (reports) => void this.handle(reports),
      heavyLast: true,
    });
    this.driver.onFileChange((file) => this.fileChanged(file));
    this.goTo(nextUnfinished(this.rows, 0));
    return exited;
  }

  /** Shows `what` with the seconds since it started, until the run's result arrives. */
  private running(what: string): void {
    const since = Date.now();
    this.slow = '';
    clearInterval(this.ticker);
    const show = () => {
      const seconds = Math.floor((Date.now() - since) / 1000);
      this.activity = `${what}…${seconds ? ` ${seconds} s` : ''}`;
      this.draw();
    };
    show();
    this.ticker = setInterval(() => (this.driver?.running ? show() : undefined), 1000);
    this.ticker.unref();
  }

  private learner(exercise: Exercise): string {
    return learnerFile(exercise, this.dir);
  }

  private isCurrentFile(file: string): boolean {
    const ex = this.current?.exercise;
    return !!ex && (file === this.learner(ex) || file === testFile(ex));
  }

  /** Makes `row` the current exercise and runs it; undefined means everything is done. */
  private goTo(row: ProgressRow | undefined): void {
    this.current = row;
    this.result = undefined;
    this.firstMs = 0;
    this.showList = false;
    this.hint = '';
    if (!row || !this.driver) {
      this.activity = '';
      this.draw();
      return;
    }
    const file = testFile(row.exercise);
    this.driver.watchOnly([file]);
    this.running(`running ${exerciseTitle(row.exercise)}`);
    loadChecker();
    this.findings = findingsFor(row.exercise, this.dir);
    void this.driver.run([file]).catch((err: Error) => this.fail(err));
  }

  /**
   * A save of the current exercise's files. The driver re-runs the tests by itself; a save
   * during a run restarts it, as the old code may be stuck in an endless loop.
   */
  private fileChanged(file: string): void {
    if (!this.isCurrentFile(file) || !this.driver) return;
    this.savedAt = Date.now();
    this.firstMs = 0;
    // The checker reads the saved file while the tests run again.
    this.findings = findingsFor(this.current!.exercise, this.dir);
    if (this.driver.running) {
      this.dropEnds += 1;
      this.running('saved during the run: restarting it');
      void this.driver.interrupt('restarted after a save');
    }
  }

  private async handle(reports: Map<string, TestReport>): Promise<void> {
    if (this.dropEnds > 0) {
      this.dropEnds -= 1;
      return;
    }
    const seq = ++this.seq;
    const row = this.current;
    const report = row && reports.get(testFile(row.exercise));
    if (!row || !report) return;
    const result = await judge(row.exercise, report, this.dir, this.findings);
    if (seq !== this.seq || row !== this.current) return;
    clearInterval(this.ticker);
    this.slow = '';
    const ms = this.savedAt ? Date.now() - this.savedAt : 0;
    const seconds = (t: number) => `${(t / 1000).toFixed(2)} s`;
    row.status = result.status;
    if (result.status.kind === 'heavy') {
      // Every other test passes: this report shows now, the whole one once the heavy tests ran.
      this.result = result;
      this.firstMs = ms;
      const n = result.status.waiting;
      const after = ms ? `re-ran ${seconds(ms)} after the save; ` : '';
      this.running(`${after}running ${n} heavy test${n === 1 ? '' : 's'}`);
      return;
    }
    const first = this.firstMs && this.firstMs < ms ? ` (heavy tests done at ${seconds(ms)})` : '';
    this.activity = ms ? `re-ran ${seconds(this.firstMs || ms)} after the save${first}` : '';
    this.savedAt = 0;
    this.firstMs = 0;
    remember([result], this.dir, warn);
    if (result.status.kind === 'done') {
      const next = nextUnfinished(this.rows, this.rows.indexOf(row) + 1);
      const c = this.opts.colors;
      this.notice = [
        `${c.green(`✓ ${exerciseTitle(row.exercise)} is done!`)}${next ? ` On to ${exerciseTitle(next.exercise)}.` : ''}`,
        c.dim(solutionOffer(row.exercise, this.opts.cwd)),
      ].join('\n');
      this.goTo(next);
      return;
    }
    this.result = result;
    this.draw();
    // The learner reads and edits now: the next run's test process starts meanwhile.
    this.driver?.warmUp();
  }

  private takeTerminal(): void {
    emitKeypressEvents(process.stdin);
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdout.write(HIDE_CURSOR);
    process.once('exit', () => process.stdout.write(SHOW_CURSOR));
    process.once('SIGTERM', () => void this.quit());
    process.stdout.on('resize', () => this.draw());
    process.stdin.on(
      'keypress',
      (text: string | undefined, key?: { name?: string; ctrl?: boolean }) => {
        if ((key?.ctrl && key.name === 'c') || text === 'q') void this.quit();
        else if (text === 'h') this.showHint();
        else if (text === 'n') void this.skip();
        else if (text === 'l') {
          this.showList = !this.showList;
          this.draw();
        }
      },
    );
  }

  private showHint(): void {
    if (!this.current) return;
    this.hint = nextHint(this.current.exercise, this.opts);
    this.showList = false;
    this.draw();
  }

  private async skip(): Promise<void> {
    if (!this.driver) return;
    const i = this.current ? this.rows.indexOf(this.current) : -1;
    const next = nextUnfinished(this.rows, i + 1);
    const target = next && next !== this.current ? next : this.rows[(i + 1) % this.rows.length];
    if (this.current) this.notice = `Skipped ${exerciseTitle(this.current.exercise)}.`;
    this.current = undefined; // results of the old exercise are dropped from here on
    if (this.driver.running) {
      this.dropEnds += 1;
      await this.driver.interrupt('skipped');
    }
    this.goTo(target);
  }

  private async quit(): Promise<void> {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    process.stdout.write(`${SHOW_CURSOR}\n`);
    try {
      if (this.driver?.running) {
        this.dropEnds += 1;
        await this.driver.interrupt('quit');
      }
      await this.driver?.close();
    } finally {
      this.exit(0);
    }
  }

  private fail(err: Error): void {
    this.notice = this.opts.colors.red(`vitest failed: ${err.message.split('\n')[0]}`);
    this.draw();
  }

  /** Redraws the whole screen, fitting the report to the terminal's height. */
  private draw(): void {
    this.opts.width = Math.min(process.stdout.columns || 100, 120);
    const c = this.opts.colors;
    const height = process.stdout.rows || 40;
    const head = [
      `${c.bold('yield-katas')}  ${renderProgressBar(totals(this.rows), this.opts)}`,
      '',
    ];
    if (this.notice) head.push(...this.notice.split('\n'), '');
    const keys = ['h hint', 'n next exercise', 'l list', 'q quit'].map(
      (k) => c.bold(k[0]!) + k.slice(1),
    );
    const foot = ['', c.dim(this.activity || this.watching()), keys.join(' · ')];
    if (this.slow) foot.splice(1, 0, c.yellow(this.slow));
    const room = height - rowsOf(head) - rowsOf(foot);
    let body: string[];
    if (this.showList) {
      body = renderTable(this.rows, totals(this.rows), this.opts, this.problems).split('\n');
    } else if (!this.current) {
      body = this.activity
        ? []
        : [c.green(c.bold('Every exercise is done. Well played!')), '', 'Press l for the list.'];
    } else {
      body = this.hint ? [...this.hint.split('\n'), ''] : [];
      body.push(...this.reportLines(room - rowsOf(body)));
    }
    if (rowsOf(body) > room) {
      const n = this.current?.exercise.number;
      const more = c.dim(`… more below (kata run ${n} prints it all)`);
      while (body.length && rowsOf(body) > room - 1) body.pop();
      body.push(more);
    }
    process.stdout.write(CLEAR + [...head, ...body, ...foot].join('\n'));
  }

  private reportLines(room: number): string[] {
    const c = this.opts.colors;
    if (!this.result) {
      const ex = this.current!.exercise;
      return [c.bold(exerciseTitle(ex)), c.dim(shownPath(this.learner(ex), this.opts.cwd))];
    }
    const tasks = tasksOf(this.result.exercise);
    let lines: string[] = [];
    for (const maxDetailed of [Infinity, 6, 3, 1, 0]) {
      const text = renderResult(this.result, { ...this.opts, tasks, maxDetailed, maxLogLines: 5 });
      lines = text.split('\n');
      if (rowsOf(lines) <= room) break;
    }
    return lines;
  }

  private watching(): string {
    if (!this.current) return '';
    const file = shownPath(this.learner(this.current.exercise), this.opts.cwd);
    return `watching ${file}: save it to re-run`;
  }
}
