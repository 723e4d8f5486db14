/**
 * Runs exercise tests through vitest's Node API (`createVitest`), with the pack's own
 * vitest.config.ts (and its KATA_DIR plugin), a reporter that turns vitest's TestModule objects
 * into `TestReport`s, and vitest's banner and output sent nowhere. In watch mode the driver
 * re-runs a test file when the learner saves (vitest's watcher tells which); it passes the
 * results on.
 *
 * Generators make endless loops easy to write, and a synchronous one never lets vitest's timeout
 * fire. The driver notices a run that stops making progress and cancels it, which kills the
 * stuck worker (vitest's forced cancel), so the learner gets a message instead of a hang.
 *
 * Watch mode runs the tests tagged heavy last (`heavyLast`): a first run leaves them out, so the
 * report comes quickly; a second run takes them once every other test of the file passed.
 */
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { createVitest } from 'vitest/node';
import type { Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import { ROOT } from '../lib/catalog.ts';
import { HEAVY } from '../lib/test-options.ts';
import { exercisesConfig } from '../vitest.config.ts';
import { WarmForks } from './warm-forks.ts';
import {
  heavyDue,
  parseLoadError,
  summarizeError,
  withHeavy,
  type RawError,
  type TestOutcome,
  type TestReport,
} from './results.ts';

export interface DriverOptions {
  watch: boolean;
  /** The learner's file a test file imports, to tell where an error was thrown. */
  learnerFileOf: (testFile: string) => string;
  /** Watch mode: these watched test files start again after a save. */
  onRerun?: (testFiles: string[]) => void;
  /**
   * A run has been silent for longer than the pack's test timeout: maybe stuck, maybe slow.
   * It is stopped once silent longer than its longest test timeout.
   */
  onSlow?: (seconds: number) => void;
  /** Watch mode: a re-run after a save could not start. */
  onRerunError?: (err: Error) => void;
  /**
   * Every run's end (runs started by `run` and watch re-runs alike). With `heavyLast`, a file's
   * first report may hold heavy tests back (`isWaiting`); when they are due (`heavyDue`) the
   * whole report follows once they ran.
   */
  onRunEnd?: (reports: Map<string, TestReport>, reason: TestRunEndReason) => void;
  /**
   * Run the tests tagged heavy (lib/test-options.ts) last, in a second vitest run, and only for
   * the files whose every other test passed. Off: every test runs in one run (`kata run`).
   */
  heavyLast?: boolean;
}

/** Which tests of a file a vitest run takes. */
type Phase = 'all' | 'light' | 'heavy';

const TAGS_FILTER: Record<Phase, string[] | undefined> = {
  all: undefined,
  light: [`!${HEAVY}`],
  heavy: [HEAVY],
};

/** Grace on top of the longest test timeout before a silent run counts as stuck. */
const STALL_GRACE_MS = 5_000;

/**
 * From a save to its re-run: long enough for an editor that writes a file twice (truncate, then
 * write), far below vitest's own 100 ms.
 */
const SAVE_DEBOUNCE_MS = 20;

export class VitestDriver {
  private logs: { taskId?: string; text: string }[] = [];
  private lastProgress = 0;
  private stallMs = 15_000;
  private stalled: string | undefined;
  private slowReported = false;
  private inRun = false;
  private watchdog: NodeJS.Timeout | undefined;
  private lastReports = new Map<string, TestReport>();
  private watched = new Set<string>();
  private collectedListeners: (() => void)[] = [];
  private savedFiles = new Set<string>();
  private saveTimer: NodeJS.Timeout | undefined;
  /** Counts saves and interruptions: the heavy phase starts only if none came since its run began. */
  private epoch = 0;
  /** While the heavy phase runs: the first reports its results complete. */
  private merging: Map<string, TestReport> | undefined;
  private turns: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly vitest: Vitest,
    private readonly options: DriverOptions,
    private readonly forks: WarmForks,
  ) {}

  static async create(options: DriverOptions): Promise<VitestDriver> {
    let driver: VitestDriver | undefined;
    const reporter: Reporter = {
      onTestRunStart: () => driver?.runStarted(),
      onTestModuleCollected: (module) => driver?.collected(module),
      onTestCaseResult: () => driver?.progress(),
      onUserConsoleLog: (log) => {
        driver?.logs.push({ taskId: log.taskId, text: stripVTControlCharacters(log.content) });
      },
      onTestRunEnd: (modules, errors, reason) => driver?.runEnded(modules, errors, reason),
    };
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    const { plugins, test } = exercisesConfig();
    const forks = new WarmForks();
    const vitest = await createVitest(
      'test',
      {
        root: ROOT,
        config: false,
        watch: options.watch,
        reporters: [reporter],
        includeTaskLocation: true,
        // Forked processes, not worker threads: V8 writes some errors of the learner's code
        // straight to the process's stderr (a stack overflow in a promise callback prints
        // "Exception in PromiseRejectCallback"), and only a child's stderr can be kept off the
        // runner's screen. Worker threads would start about 50 ms sooner. In watch mode a
        // process is started ahead for the next run (warmUp).
        pool: forks,
      },
      // The exercises' project of vitest.config.ts, inline: the file is neither bundled nor
      // loaded once more for each of its projects.
      { plugins, test },
      { stdout: sink, stderr: sink },
    );
    driver = new VitestDriver(vitest, options, forks);
    await vitest.standalone();
    if (options.watch) {
      // The driver starts the re-runs itself (rerunSaved), sooner than vitest's own watcher
      // would; should vitest's come first anyway, it runs only the watched files.
      vitest.onFilterWatchedSpecification((spec) => driver!.watched.has(spec.moduleId));
      const saved = (file: string) => driver!.saved(file);
      vitest.vite.watcher.on('change', saved);
      vitest.vite.watcher.on('add', saved);
    }
    return driver;
  }

  /** The pack's test timeout (vitest.config.ts), the default bound of a silent run. */
  private get testTimeout(): number {
    return this.vitest.config.testTimeout;
  }

  /** True while tests run. */
  get running(): boolean {
    return this.inRun;
  }

  /**
   * Watch mode: only these test files re-run on a save. Their learner files are added to the
   * watcher: one outside the pack's root (a KATA_DIR elsewhere), or not written yet, is not
   * watched otherwise.
   */
  watchOnly(testFiles: readonly string[]): void {
    this.watched = new Set(testFiles);
    this.vitest.vite.watcher.add(testFiles.map((f) => this.options.learnerFileOf(f)));
  }

  /**
   * Runs these test files and returns a report per file: the whole report, even with
   * `heavyLast` (then in two vitest runs, each reported to `onRunEnd`), unless a save or an
   * interruption came before the heavy tests' turn, or some other test failed.
   */
  async run(
    testFiles: readonly string[],
    heavyLast = this.options.heavyLast ?? false,
  ): Promise<Map<string, TestReport>> {
    const epoch = this.epoch;
    const first = await this.serially(() => this.runPhase(testFiles, heavyLast ? 'light' : 'all'));
    if (!heavyLast) return first;
    const due = testFiles.filter((f) => heavyDue(first.get(f)!));
    if (!due.length) return first;
    return this.serially(async () => {
      // A save or an interruption since the first run began: its results are out of date.
      if (epoch !== this.epoch) return first;
      this.merging = new Map(due.map((f) => [f, first.get(f)!]));
      try {
        return new Map([...first, ...(await this.runPhase(due, 'heavy'))]);
      } finally {
        this.merging = undefined;
      }
    });
  }

  /** One run at a time, in call order: a heavy phase's results must meet its own first run's. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.turns.then(work);
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  private async runPhase(
    testFiles: readonly string[],
    phase: Phase,
  ): Promise<Map<string, TestReport>> {
    await this.vitest.waitForTestRunEnd();
    const testTagsFilter = TAGS_FILTER[phase];
    const specs = testFiles
      .flatMap((f) => this.vitest.getModuleSpecifications(f))
      .map((s) =>
        testTagsFilter ? s.project.createSpecification(s.moduleId, { testTagsFilter }, s.pool) : s,
      );
    const found = new Set(specs.map((s) => s.moduleId));
    const reports = new Map<string, TestReport>();
    if (specs.length) {
      this.lastReports = new Map();
      await this.vitest.runTestSpecifications(specs, false);
      for (const [file, report] of this.lastReports) reports.set(file, report);
    }
    for (const file of testFiles) {
      if (reports.has(file)) continue;
      reports.set(file, found.has(file) ? notRun(file) : missingTestFile(file));
    }
    // No vitest run, no onTestRunEnd: the listener still hears about these files.
    if (!specs.length) this.options.onRunEnd?.(reports, 'failed');
    return reports;
  }

  /**
   * Ends the current run now, even one stuck in an endless loop: vitest's second cancel in a
   * row kills the worker. `reason` becomes the report's `interrupted`.
   */
  async interrupt(reason: string): Promise<void> {
    this.epoch += 1;
    if (!this.inRun) return;
    this.stalled = reason;
    void this.vitest.cancelCurrentRun('keyboard-input');
    await this.vitest.cancelCurrentRun('keyboard-input');
  }

  /**
   * Starts a test process for the next run now, while nothing runs: in watch mode, once the
   * learner has the results, so that the run after the next save starts without the wait.
   */
  warmUp(): void {
    if (!this.inRun) this.forks.warm();
  }

  async close(): Promise<void> {
    clearInterval(this.watchdog);
    clearTimeout(this.saveTimer);
    this.forks.close();
    await this.vitest.close();
  }

  /** Calls `listener` with each file vitest's watcher (vite's) sees changed or created. */
  onFileChange(listener: (file: string) => void): void {
    this.vitest.vite.watcher.on('change', listener);
    this.vitest.vite.watcher.on('add', listener);
  }

  /** A file changed or appeared (vite's watcher); the watched tests it touches re-run soon. */
  private saved(file: string): void {
    this.epoch += 1;
    this.savedFiles.add(file);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.rerunSaved(), SAVE_DEBOUNCE_MS);
  }

  /**
   * Re-runs the watched test files the saves touched: those vitest's watcher found through its
   * module graph (it has already invalidated the changed modules), and those whose learner file
   * was saved, which covers a file that was missing when the tests last loaded.
   */
  private async rerunSaved(): Promise<void> {
    const saved = this.savedFiles;
    this.savedFiles = new Set();
    const changed = this.vitest.watcher.changedTests;
    const inGraph = [...this.watched].filter((f) => changed.has(f) || saved.has(f));
    const appeared = [...this.watched].filter(
      (f) => !inGraph.includes(f) && saved.has(this.options.learnerFileOf(f)),
    );
    // Only watched files ever run here: emptying the set leaves vitest's own re-run nothing.
    changed.clear();
    // A test file that loaded while its learner file was missing imports a stand-in that throws
    // (lib/kata-dir.ts): compiled again, it imports the file that is there now.
    for (const f of appeared) this.vitest.invalidateFile(f);
    const files = [...inGraph, ...appeared];
    if (!files.length) return;
    this.options.onRerun?.(files);
    try {
      await this.run(files);
    } catch (err) {
      this.options.onRerunError?.(err as Error);
    }
  }

  private runStarted(): void {
    this.inRun = true;
    this.stalled = undefined;
    this.slowReported = false;
    this.logs = [];
    this.lastProgress = Date.now();
    this.stallMs = this.testTimeout + STALL_GRACE_MS;
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => this.checkStall(), 500);
    this.watchdog.unref();
  }

  /**
   * Calls `listener` once, when the current or next run has loaded its test files: from then on
   * the tests run in vitest's worker and this process is mostly idle.
   */
  onceCollected(listener: () => void): void {
    this.collectedListeners.push(listener);
  }

  private collected(module: TestModule): void {
    const listeners = this.collectedListeners.splice(0);
    for (const listener of listeners) listener();
    this.lastProgress = Date.now();
    let longest = this.testTimeout;
    for (const test of module.children.allTests()) {
      longest = Math.max(longest, test.options.timeout ?? 0);
    }
    this.stallMs = Math.max(this.stallMs, longest + STALL_GRACE_MS);
  }

  private progress(): void {
    this.lastProgress = Date.now();
  }

  private checkStall(): void {
    if (!this.inRun || this.stalled) return;
    const silent = Date.now() - this.lastProgress;
    if (!this.slowReported && silent >= this.testTimeout + STALL_GRACE_MS) {
      this.slowReported = true;
      this.options.onSlow?.(Math.round(silent / 1000));
    }
    if (silent < this.stallMs) return;
    void this.interrupt(
      `no test finished within ${Math.round(silent / 1000)} s. Is there an endless loop ` +
        'that never reaches a `yield`, or a loop that never ends?',
    );
  }

  private runEnded(
    modules: ReadonlyArray<TestModule>,
    errors: ReadonlyArray<RawError>,
    reason: TestRunEndReason,
  ): void {
    clearInterval(this.watchdog);
    for (const listener of this.collectedListeners.splice(0)) listener();
    this.inRun = false;
    const crash = errors.length ? describeCrash(errors[0]!) : undefined;
    const reports = new Map<string, TestReport>();
    for (const module of modules) {
      const report = toReport(module, this.options.learnerFileOf(module.moduleId), this.logs);
      const unfinished = report.tests.some((t) => t.state === 'pending');
      if (this.stalled && (unfinished || reason === 'interrupted'))
        report.interrupted = this.stalled;
      else if (crash && (unfinished || modules.length === 1)) report.interrupted = crash;
      const first = this.merging?.get(module.moduleId);
      reports.set(module.moduleId, first ? withHeavy(first, report) : report);
    }
    this.lastReports = reports;
    this.options.onRunEnd?.(reports, reason);
  }
}

/** One test file's results as plain data. */
export function toReport(
  module: TestModule,
  learnerFile: string,
  logs: readonly { taskId?: string; text: string }[] = [],
): TestReport {
  const testFile = module.moduleId;
  const tests: TestOutcome[] = [];
  for (const test of module.children.allTests()) {
    const suite: string[] = [];
    for (let p = test.parent; p.type === 'suite'; p = p.parent) suite.unshift(p.name);
    const result = test.result();
    const outcome: TestOutcome = { suite, name: test.name, state: result.state };
    if (test.tags.includes(HEAVY)) outcome.heavy = true;
    if (test.location) outcome.declaredAt = { file: testFile, ...test.location };
    if (result.state === 'failed' && result.errors[0]) {
      outcome.failure = summarizeError(result.errors[0] as RawError, testFile, learnerFile);
    }
    tests.push(outcome);
  }
  return {
    testFile,
    tests,
    loadErrors: module.errors().map((e) => {
      const err = parseLoadError(e as RawError, ROOT, learnerFile);
      // A virtual module (the KATA_DIR plugin's "missing file") has no place to point at.
      if (err.at && !existsSync(err.at.file)) delete err.at;
      return err;
    }),
    logs: logs
      .filter((l) => !l.taskId || l.taskId.startsWith(module.id))
      .flatMap((l) => l.text.replace(/\n$/, '').split('\n')),
  };
}

function missingTestFile(file: string): TestReport {
  return {
    testFile: file,
    tests: [],
    loadErrors: [{ message: `no test file at ${file}: the exercise folder is incomplete.` }],
    logs: [],
  };
}

function notRun(file: string): TestReport {
  return {
    testFile: file,
    tests: [],
    loadErrors: [],
    interrupted: 'the tests did not run',
    logs: [],
  };
}

/** A run-level error in one line: usually the worker died, out of memory in an endless loop. */
export function describeCrash(err: RawError): string {
  const cause = err.cause as RawError | undefined;
  const text = stripVTControlCharacters(`${err.message ?? ''} ${cause?.message ?? ''}`).trim();
  if (
    /Worker .*(emitted error|exited unexpectedly)|Channel closed|heap out of memory/i.test(text)
  ) {
    return (
      'the test process crashed (out of memory?): an endless generator spread into an array, ' +
      'or a loop that never stops collecting values?'
    );
  }
  // vitest reports an error thrown where nothing catches it (a then() callback, a timer) with
  // its kind in `type`.
  if (typeof err.type === 'string' && /unhandled/i.test(err.type)) {
    const name = err.name && err.name !== 'Error' ? `${err.name}: ` : '';
    return (
      `${err.type.toLowerCase()} escaped the tests (${name}${text.split('\n')[0]}): ` +
      'an error thrown where nothing catches it, like a then() callback?'
    );
  }
  return `the test run failed: ${text.split('\n')[0]}`;
}
