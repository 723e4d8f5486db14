// End to end: grades a fixture class (solutions, stubs, an anti-solution and hostile submissions)
// through the sandbox, then checks every student's exact scores and statuses, that nothing was
// written outside the scratch folders, the written reports, resume, and bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, ROOT, UsageError } from '../catalog.ts';
import { GradeReportSchema, type GradeReport } from '../model.ts';
import { discoverSubmissions } from './discover.ts';
import { buildFixtureClass, FIXTURE_EXERCISES, markers } from './fixtures/class.ts';
import { gradeClass, type GradeOptions } from './grader.ts';
import { REPORTERS } from './reporters/index.ts';

const TAG = `e2e-${process.pid}`;
let dir: string;
let out: string;
let server: Server;
let connections = 0;
let report: GradeReport;
let options: GradeOptions;
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
  const cls = await buildFixtureClass(dir, TAG, port);
  options = {
    submissions: discoverSubmissions([cls]),
    out,
    // Small limits keep the test quick; the defaults are 20 s and 512 MiB.
    timeoutMs: 15_000,
    heapMb: 160,
    checker: 'withhold',
    fresh: true,
    exercises: loadCatalog().exercises.filter((e) => FIXTURE_EXERCISES.includes(e.id)),
  };
  report = await gradeClass(options);
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
  'worker-escape': [0, 'withheld', 'missing'],
  socket: [0, 'withheld', 'missing'],
  'read-solutions': [0, 'failed', 'missing'],
  'patched-prototype': [0, 'failed', 'missing'],
  'patched-expect': [0, 'failed', 'missing'],
  flood: [10, 'passed', 'missing'],
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
