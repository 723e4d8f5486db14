// End to end: grades a fixture class (solutions, stubs, an anti-solution and hostile submissions)
// through the sandbox, then checks every student's exact scores and statuses, that nothing was
// written outside the scratch folders, the written reports, resume, Ctrl-C, and bad input.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, ROOT, UsageError } from '../catalog.ts';
import { GradeReportSchema, type GradeReport } from '../model.ts';
import { discoverSubmissions } from './discover.ts';
import { buildFixtureClass, FIXTURE_EXERCISES, markers, TYPE_ERROR } from './fixtures/class.ts';
import { gradeClass, type GradeOptions } from './grader.ts';
import { REPORTERS } from './reporters/index.ts';
import { wallLimit } from './sandbox.ts';

const TAG = `e2e-${process.pid}`;
/** A small limit keeps the endless loops quick; the default is 20 s. */
const TIMEOUT_S = 5;
let dir: string;
let cls: string;
let out: string;
let server: Server;
let connections = 0;
let report: GradeReport;
let options: GradeOptions;
/** The students whose code ran in the sandbox, once per run. */
const ran: string[] = [];
const packBefore = listing();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kata-grade-e2e-'));
  out = join(dir, 'out');
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  cls = await buildFixtureClass(dir, TAG, port);
  options = {
    submissions: discoverSubmissions([cls]),
    out,
    // The CLI's settings in the Ctrl-C test below, so that their reports can be compared, but a
    // small heap (the default is 512 MiB), so that the out-of-memory student is quick.
    timeoutMs: TIMEOUT_S * 1000,
    heapMb: 160,
    checker: 'withhold',
    fresh: true,
    exercises: loadCatalog().exercises.filter((e) => FIXTURE_EXERCISES.includes(e.id)),
  };
  report = await gradeClass({ ...options, onRun: (student) => ran.push(student) });
  for (const reporter of Object.values(REPORTERS)) {
    if (reporter !== REPORTERS.terminal) await reporter.write(report, out);
  }
}, 300_000);

afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** student → [total, status of 05-send, status of 07-return-values] or 'error'. */
const EXPECTED: Record<string, [number, string, string] | 'error'> = {
  solved: [20, 'passed', 'passed'],
  zipped: [20, 'passed', 'passed'],
  stubs: [0, 'failed', 'failed'],
  'stubs-touched': [0, 'failed', 'failed'],
  // Scores that depend on exercise 05's number of tests are checked below.
  anti: [-1, 'partial', 'missing'],
  'edited-tests': [0, 'failed', 'missing'],
  link: [0, 'missing', 'missing'],
  'loop-import': [0, 'timeout', 'missing'],
  // One test hangs; the other nineteen are graded in a fresh process.
  'loop-next': [-1, 'timeout', 'missing'],
  exit: [0, 'crashed', 'missing'],
  'self-kill': [0, 'crashed', 'missing'],
  oom: [0, 'crashed', 'missing'],
  // Tests pass, but importing node modules is an essential checker finding.
  'write-outside': [0, 'withheld', 'missing'],
  'child-process': [0, 'withheld', 'missing'],
  'rewrite-own-file': [0, 'withheld', 'missing'],
  'worker-escape': [0, 'withheld', 'missing'],
  socket: [0, 'withheld', 'missing'],
  'read-solutions': [0, 'failed', 'missing'],
  'patched-prototype': [0, 'failed', 'missing'],
  'patched-expect': [0, 'failed', 'missing'],
  flood: [10, 'passed', 'missing'],
  'output-flood': [0, 'crashed', 'missing'],
  abort: [0, 'crashed', 'missing'],
  // A type error costs nothing.
  'type-error': [20, 'passed', 'passed'],
  // What 07 leaves running never reaches 05, which runs next in the same worker; importing node
  // modules withholds 07's points.
  'leak-timers': [10, 'passed', 'withheld'],
  'leak-pending': [10, 'passed', 'withheld'],
  corrupt: 'error',
  empty: 'error',
};

describe('kata grade on a fixture class', () => {
  it('finishes the batch with every submission in the report', () => {
    expect(report.interrupted).toBe(false);
    expect(report.submissions.map((s) => s.student).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('grades %s exactly', (student, expected) => {
    const s = report.submissions.find((x) => x.student === student)!;
    if (expected === 'error') {
      expect(s.status).toBe('error');
      expect(s.reason).toMatch(/zip|exercise folder/);
      return;
    }
    const [total, send, returns] = expected;
    // Exercise 05's test count, from the student who passes every test.
    const n = solved().exercises[0]!.total;
    const passed = s.exercises[0]!.passed;
    if (student === 'loop-next') expect(passed).toBe(n - 1);
    if (student === 'anti') expect(passed).toBeGreaterThan(0);
    expect({ total: s.score, statuses: s.exercises.map((e) => e.status) }).toEqual({
      total: total >= 0 ? total : Math.round((1000 * passed) / n) / 100,
      statuses: [send, returns],
    });
    for (const e of s.exercises) {
      if (e.status !== 'passed') expect(e.reason, `${student} ${e.id}`).toBeTruthy();
    }
  });

  it('names the test that hung and the reason of a crash', () => {
    const grade = (student: string) =>
      report.submissions.find((s) => s.student === student)!.exercises[0]!;
    expect(grade('loop-next').reason).toBe(
      'timed out in "2. A running average > yields the running average of the numbers sent"',
    );
    expect(grade('loop-import').reason).toMatch(/while loading send\.ts/);
    expect(grade('exit').reason).toBe('the code called process.exit(0)');
    expect(grade('self-kill').reason).toMatch(/killed/);
    expect(grade('oom').reason).toMatch(/memory/);
    expect(grade('output-flood').reason).toBe('output flood: printed more than 16 MiB');
    expect(grade('abort').reason).toBe('the code called process.abort()');
  });

  it('stops an endless loop within its limit, by CPU time or the wall-clock backstop', () => {
    const loop = report.submissions.find((s) => s.student === 'loop-import')!;
    // Generous: the backstop, plus starting the sandbox on a busy machine.
    expect(loop.duration).toBeLessThan(wallLimit(TIMEOUT_S * 1000) + 60_000);
  });

  it('checks the file the tests ran: learner code cannot rewrite its staged copy', () => {
    const send = report.submissions.find((x) => x.student === 'rewrite-own-file')!.exercises[0]!;
    // Had the rewrite to the stub worked, the checker would have judged the stub.
    expect(send.reason).toMatch(/^checker: allowed-imports/);
  });

  it('lists type errors as warnings, by file and line, without touching scores', () => {
    const typed = report.submissions.find((s) => s.student === 'type-error')!;
    const source = readFileSync(join(cls, 'type-error', '05-send', 'send.ts'), 'utf8');
    const line = source.split('\n').indexOf(TYPE_ERROR.trim()) + 1;
    expect(typed.exercises.map((e) => e.typeErrors)).toEqual([
      [
        {
          file: '05-send/send.ts',
          line,
          column: 14,
          code: 2322,
          message: "Type 'string' is not assignable to type 'number'.",
        },
      ],
      [],
    ]);
    // The same code without the error: no warning, the same grade.
    const solved = report.submissions.find((s) => s.student === 'solved')!;
    expect(solved.exercises.map((e) => e.typeErrors)).toEqual([[], []]);
    expect(typed.exercises.map((e) => [e.status, e.score])).toEqual(
      solved.exercises.map((e) => [e.status, e.score]),
    );
    expect(report.submissions.find((s) => s.student === 'stubs')!.exercises[0]!.typeErrors).toEqual(
      [],
    );
  });

  it('grades an untouched stub once per class, as a run of it would', () => {
    const grades = (student: string) =>
      report.submissions
        .find((s) => s.student === student)!
        .exercises.map(({ duration: _, tests, ...e }) => ({
          ...e,
          tests: tests.map(({ duration: _t, ...t }) => t),
        }));
    expect(ran).not.toContain('stubs');
    expect(ran).toContain('stubs-touched');
    const untouched = grades('stubs');
    expect(untouched.map((e) => [e.untouched, e.reason])).toEqual([
      [
        true,
        expect.stringMatching(
          /^not started: send\.ts is the stub, unchanged \(all \d+ tests failed\)$/,
        ),
      ],
      [true, expect.stringMatching(/^not started: return-values\.ts is the stub, unchanged/)],
    ]);
    expect(untouched.map(({ untouched: _, reason: _r, ...e }) => e)).toEqual(
      grades('stubs-touched').map(({ reason: _r, ...e }) => e),
    );
  });

  it('writes nothing outside the scratch folders and opens no connection', () => {
    for (const path of markers(TAG)) expect(existsSync(path), path).toBe(false);
    expect(connections).toBe(0);
    expect(listing()).toEqual(packBefore);
  });

  it('lists what it ignored, with the reason', () => {
    const edited = report.submissions.find((s) => s.student === 'edited-tests')!;
    expect(edited.ignored).toEqual(
      expect.arrayContaining([
        {
          file: 'exercises/05-send/send.test.ts',
          reason: "a test file: the pack's tests are used",
        },
        { file: 'vitest.config.ts', reason: "a config file: the pack's config is used" },
        { file: 'node_modules/', reason: "dependencies: the pack's own are used" },
      ]),
    );
    const link = report.submissions.find((s) => s.student === 'link')!;
    expect(link.ignored).toContainEqual({
      file: '05-send/send.ts',
      reason: 'a link: links are never followed',
    });
  });

  it('cuts a flood of output with a visible marker', () => {
    const flood = report.submissions.find((s) => s.student === 'flood')!.exercises[0]!;
    expect(flood.output.length).toBeLessThan(2100);
    expect(flood.output).toMatch(/more characters cut\]$/);
    expect(readFileSync(join(out, 'report.json'), 'utf8').length).toBeLessThan(2_000_000);
  });

  it('writes a report.json the schema accepts, equal to the model', () => {
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(GradeReportSchema.parse(json)).toEqual(report);
  });

  it('writes a grades.csv with a row per student and a column per exercise', () => {
    const rows = parse(readFileSync(join(out, 'grades.csv'), 'utf8')) as string[][];
    expect(rows[0]).toEqual(['student', ...FIXTURE_EXERCISES, 'total', 'max', 'status']);
    const anti = report.submissions.find((s) => s.student === 'anti')!;
    expect(rows.find((r) => r[0] === 'anti')).toEqual([
      'anti',
      String(anti.score),
      '0',
      String(anti.score),
      '20',
      'graded',
    ]);
    expect(rows).toHaveLength(Object.keys(EXPECTED).length + 1);
  });

  it('writes JUnit XML valid against the JUnit schema, one file per student', async () => {
    const schema = readFileSync(join(import.meta.dirname, 'fixtures', 'junit.xsd'), 'utf8');
    const files = readdirSync(join(out, 'junit')).sort();
    expect(files).toHaveLength(Object.keys(EXPECTED).length);
    const xml = files.map((f) => ({
      fileName: f,
      contents: readFileSync(join(out, 'junit', f), 'utf8'),
    }));
    const result = await validateXML({ xml, schema: { fileName: 'junit.xsd', contents: schema } });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    const anti = report.submissions.find((s) => s.student === 'anti')!.exercises[0]!;
    expect(xml.find((x) => x.fileName === 'anti.xml')!.contents).toContain(
      `<testsuite name="05-send" tests="${anti.total}" failures="${anti.total - anti.passed}"`,
    );
  });

  it('takes a graded class from the resume files on a second run', async () => {
    const again = await gradeClass({ ...options, fresh: false });
    expect(again).toEqual(report);
  }, 120_000);
});

describe('Ctrl-C during kata grade', () => {
  it('stops promptly, leaves valid reports and no sandbox; a re-run completes them', async () => {
    const students = ['solved', 'stubs'];
    const outC = join(dir, 'out-ctrl-c');
    const tmp = join(dir, 'tmp-ctrl-c');
    mkdirSync(tmp);
    const args = [
      join(ROOT, 'bin/kata.js'),
      'grade',
      ...students.map((s) => join(cls, s)),
      ...['--out', outC, '--timeout', String(TIMEOUT_S), '--concurrency', '1'],
      ...['--exercises', FIXTURE_EXERCISES.join(','), '--format', 'json,csv'],
    ];
    const env = { ...process.env, TMPDIR: tmp };
    const kata = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => kata.on('exit', resolve));
    let stderr = '';
    // Interrupted while the second student is graded.
    await new Promise<void>((resolve, reject) => {
      kata.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('[1/2]')) resolve();
      });
      void exited.then(() => reject(new Error(`kata grade ended first: ${stderr}`)));
    });
    const interrupted = performance.now();
    kata.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(performance.now() - interrupted).toBeLessThan(20_000);
    expect(sandboxesUnder(tmp)).toEqual([]);

    const partial = GradeReportSchema.parse(readJson(join(outC, 'report.json')));
    expect(partial.interrupted).toBe(true);
    expect(partial.submissions.map((s) => s.student)).toEqual(['solved']);
    const rows = parse(readFileSync(join(outC, 'grades.csv'), 'utf8')) as string[][];
    expect(rows.map((r) => r[0])).toEqual(['student', 'solved']);

    const again = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    const resumed = GradeReportSchema.parse(readJson(join(outC, 'report.json')));
    const uninterrupted = {
      ...report,
      submissions: report.submissions.filter((s) => students.includes(s.student)),
    };
    expect(comparable(resumed)).toEqual(comparable(uninterrupted));
    expect(parse(readFileSync(join(outC, 'grades.csv'), 'utf8'))).toEqual(
      (parse(readFileSync(join(out, 'grades.csv'), 'utf8')) as string[][]).filter(
        (r) => r[0] === 'student' || students.includes(r[0]!),
      ),
    );
  }, 120_000);
});

describe('kata grade on bad input', () => {
  it('refuses a missing path in one line naming it', () => {
    expect(() => discoverSubmissions(['/no/such/class'])).toThrow(UsageError);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/kata.js'), 'grade', '/no/such/class'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'kata: no such file or folder: /no/such/class; give a folder of submissions, one submission or a .zip.',
    ]);
  }, 60_000);
});

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * A report without what differs between two gradings of the same work: timings, and the hash,
 * which changes whenever the pack's files do; and the isolation layers, where the heap cap of
 * the run above is smaller than the CLI's.
 */
function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) =>
    key === 'duration' || key === 'hash' || key === 'isolation' ? undefined : v,
  );
}

/** Processes whose command line names a path under `dir` (a sandbox's scratch folder). */
function sandboxesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(dir)) found.push(`${pid}: ${cmdline.slice(0, 200)}`);
    } catch {
      // Gone.
    }
  }
  return found;
}

function solved() {
  return report.submissions.find((s) => s.student === 'solved')!;
}

/** Files a hostile submission left in the pack's exercises/ or solutions/ (none, we hope). */
function listing(): string[] {
  const files: string[] = [];
  for (const top of ['exercises', 'solutions']) {
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.includes('kata-hostile')) files.push(p);
      }
    };
    walk(join(ROOT, top));
  }
  return files.sort();
}
