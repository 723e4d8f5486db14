/**
 * Inside the sandbox: reads its job (and the channel's nonce) from stdin, runs the canonical
 * tests of the listed exercises with vitest against the staged copy, one test file at a time in a
 * worker thread, and writes one JSON line per event to fd 3. Learner code runs only in vitest's
 * worker threads; this main thread holds the nonce, so a line the learner forges on fd 3 is
 * ignored.
 */
import { mkdirSync, rmSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  createVitest,
  type Reporter,
  type TestCase,
  type TestModule,
  type Vitest,
} from 'vitest/node';
import { ROOT } from '../catalog.ts';
import { kataDirPlugin } from '../kata-dir.ts';
import { TEST_OPTIONS } from '../test-options.ts';
import { inheritedLimits, keepPermissionsInWorkers } from './keep-permissions.ts';
import { cut, OUTPUT_PER_EXERCISE } from './text.ts';
import { toOutcome, type ChildEvent, type ChildJob } from './protocol.ts';

const CHANNEL = 3;

const job = JSON.parse(await readStdin()) as ChildJob;
// Before vitest starts its workers: without this, Node 20 runs them without the permissions.
const permissions = inheritedLimits();
keepPermissionsInWorkers(permissions);

function send(event: ChildEvent): void {
  // A leading newline ends whatever partial line the learner may have written to fd 3.
  writeSync(CHANNEL, `\n${job.nonce}${JSON.stringify(event)}\n`);
}

const exerciseOf = (m: TestModule) => m.moduleId.split('/').at(-2)!;

let state: Vitest['state'] | undefined;

/** The full name of the test a console log came from (hooks and top-level code have none). */
function testOf(taskId: string | undefined): string | undefined {
  const entity = taskId === undefined ? undefined : state?.getReportedEntityById(taskId);
  return entity?.type === 'test' ? entity.fullName : undefined;
}

const reporter: Reporter = {
  onInit: (vitest) => (state = vitest.state),
  // Queued comes before the file is imported: the limit covers an endless loop at import too.
  onTestModuleQueued: (m) => {
    // The one folder learner code may write to starts empty for each exercise: what an earlier
    // one left there cannot help or hinder this one.
    rmSync(job.tmpDir, { recursive: true, force: true });
    mkdirSync(job.tmpDir, { recursive: true });
    send({ type: 'exercise-start', id: exerciseOf(m) });
  },
  onTestModuleCollected: (m) =>
    send({
      type: 'exercise-collected',
      id: exerciseOf(m),
      file: m.moduleId,
      total: [...m.children.allTests()].length,
    }),
  onTestCaseReady: (t: TestCase) =>
    send({ type: 'test-start', id: exerciseOf(t.module), name: t.fullName }),
  onTestCaseResult: (t: TestCase) =>
    send({ type: 'test-end', id: exerciseOf(t.module), test: toOutcome(t, job.kataDir) }),
  onUserConsoleLog: (log) => {
    const test = testOf(log.taskId);
    send({ type: 'log', text: cut(log.content, OUTPUT_PER_EXERCISE), ...(test && { test }) });
  },
  onTestModuleEnd: (m) =>
    send({
      type: 'exercise-end',
      id: exerciseOf(m),
      file: m.moduleId,
      tests: [...m.children.allTests()].map((t) => toOutcome(t, job.kataDir)),
      loadErrors: m.errors().map(errorText),
      duration: m.diagnostic().duration,
    }),
  // Errors outside any test (a timer that throws after its test ended, say): vitest tags them
  // with the test file and test they came from, when it knows.
  onTestRunEnd: (_modules, errors) =>
    send({
      type: 'run-end',
      errors: errors.map((e) => {
        const err = e as { message?: string; VITEST_TEST_PATH?: string; VITEST_TEST_NAME?: string };
        const path = err.VITEST_TEST_PATH;
        return {
          message: String(err.message ?? e),
          ...(path && { exercise: path.split('/').at(-2)! }),
          ...(err.VITEST_TEST_NAME && { test: err.VITEST_TEST_NAME }),
        };
      }),
    }),
};

const vitest = await createVitest(
  'test',
  {
    root: ROOT,
    config: false,
    watch: false,
    reporters: [reporter],
    passWithNoTests: true,
    // Tests that hung an earlier run are skipped: vitest matches `<file> <describe> <test>`.
    ...(job.skipTests.length && {
      testNamePattern: new RegExp(
        `^(?!.*(?:${job.skipTests.map((n) => escapeRegExp(n.split(' > ').join(' '))).join('|')})$)`,
      ),
    }),
  },
  {
    logLevel: 'silent',
    cacheDir: job.cacheDir,
    plugins: [kataDirPlugin(job.kataDir)],
    // Set, so that vite does not search the folders above the pack for a workspace root.
    server: { fs: { allow: [ROOT, job.kataDir] } },
    test: {
      root: ROOT,
      include: job.exercises.map((id) => `exercises/${id}/*.test.ts`),
      env: {
        KATA_DIR: job.kataDir,
        KATA_GRADE_PROGRESS_TAG: job.progressTag,
        // For worker-setup.ts: a worker cannot read its own flags.
        KATA_GRADE_PERMISSIONS: JSON.stringify(permissions),
      },
      ...TEST_OPTIONS,
      setupFiles: [...setupFilesOf(TEST_OPTIONS), join(ROOT, 'lib', 'grade', 'worker-setup.ts')],
      testTimeout: Math.min(TEST_OPTIONS.testTimeout, job.testTimeoutMs),
      // Learner code runs only in worker threads of this process: no forked processes, which the
      // permission model forbids anyway. One file at a time, so the parent knows which exercise
      // is running, each in a fresh worker so one exercise cannot tamper with the next. One
      // worker for all would halve the time, but one exercise's code could then change another's
      // score (the module cache, vi's mocks and timers, node:vm, fast-check's global settings and
      // more: a red team found 15 ways), so the cost stays.
      pool: 'threads',
      maxWorkers: 1,
      fileParallelism: false,
      isolate: true,
      sequence: { shuffle: false },
    },
  },
);
try {
  await vitest.start();
} finally {
  await vitest.close();
}
send({ type: 'done', maxRssKiB: process.resourceUsage().maxRSS });
process.exit(0);

/**
 * A load error whole: the message, and the code frame vite keeps beside it when the message does
 * not already hold it (a syntax error's location and the lines around it). The parser colours
 * its frame whatever NO_COLOR says, and names the file from vitest's root: plain text, and paths
 * from the submission, read better in a report.
 */
function errorText(error: { message?: string; frame?: unknown }): string {
  const plain = (text: string) =>
    stripVTControlCharacters(text).replaceAll(`${relative(ROOT, job.kataDir)}/`, '');
  const message = plain(error.message ?? String(error));
  const frame = typeof error.frame === 'string' ? plain(error.frame).trimEnd() : '';
  return frame && !message.includes(frame) ? `${message}\n${frame}` : message;
}

/** The pack's own setup files (hardening), which run first. */
function setupFilesOf(options: object): string[] {
  const files = (options as { setupFiles?: string | string[] }).setupFiles;
  return files === undefined ? [] : Array.isArray(files) ? [...files] : [files];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}
