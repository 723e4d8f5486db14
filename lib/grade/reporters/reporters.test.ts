// The reporters on a hand-made report: the page in a real headless Chromium (no console errors,
// the right numbers, learner text shown, never run), the CSV parsed back, the JUnit XML validated.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, type LaunchedBrowser } from '../../browser.ts';
import { GradeReportSchema } from '../../model.ts';
import { sampleReport } from '../fixtures/sample-report.ts';
import { histogramCounts, mostFailed, renderHtml } from './html.ts';
import { REPORTERS } from './index.ts';
import { junitXml, xmlSafe } from './junit.ts';
import { renderTable } from './terminal.ts';

const report = GradeReportSchema.parse(sampleReport());
let out: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kata-reporters-'));
  for (const name of ['csv', 'json', 'junit', 'html']) await REPORTERS[name]!.write(report, out);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

// CI installs Debian's chromium (.ci/run); elsewhere the page test needs it too, or is skipped.
const browserHere = hasChromium() || Boolean(process.env.CI);

describe.skipIf(!browserHere)('report.html in headless Chromium', () => {
  let chromium: LaunchedBrowser;
  const problems: string[] = [];
  let page: import('puppeteer-core').Page;

  beforeAll(async () => {
    chromium = await launchChromium();
    page = await chromium.browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(join(out, 'report.html')).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  it('renders without console errors, and learner text never runs', async () => {
    expect(problems).toEqual([]);
    expect(await page.title()).toBe('kata grade: 4 submissions');
    const names = await page.$$eval('#heatmap tbody th.name', (els) =>
      els.map((e) => e.textContent),
    );
    expect(names).toEqual(report.submissions.map((s) => s.student));
  });

  it('shows each student score per exercise and the totals', async () => {
    const rows = await page.$$eval('#heatmap tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ['10', '20', '30'],
      ['5', '5 T', '10'],
      ['0 W', '-', '0'],
      ['·', '·', 'error'],
    ]);
    expect(await page.$eval('#mean', (e) => e.textContent)).toBe('13.3');
  });

  it('lists a type error as a warning that costs nothing', async () => {
    const warnings = await page.$$eval('#student-0 li.warning', (lis) =>
      lis.map((li) => li.textContent),
    );
    expect(warnings).toEqual([
      expect.stringContaining('type error (costs nothing) 01-alpha/alpha.ts:3:7 TS2322: Type'),
    ]);
  });

  it('draws the histogram of totals', async () => {
    const counts = await page.$$eval('#histogram .bar', (bars) =>
      bars.map((b) => Number(b.getAttribute('data-count'))),
    );
    expect(counts).toEqual(histogramCounts(report));
    expect(counts).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('lists the tests most students fail', async () => {
    const teach = await page.$$eval('#teach > li', (lis) =>
      lis.map((li) => [li.getAttribute('data-exercise'), li.querySelector('li')!.textContent]),
    );
    expect(teach).toEqual([
      ['01-alpha', '1 of 3 1. Task > test 2'],
      ['02-beta', '1 of 2 1. Task > test 2'],
    ]);
  });
});

describe('the data behind the page', () => {
  it('counts failures per test over the students who attempted the exercise', () => {
    expect(mostFailed(report).map((x) => [x.id, x.attempted, x.tests.length])).toEqual([
      ['01-alpha', 3, 1],
      ['02-beta', 2, 3],
    ]);
  });

  it('leaves out a student who handed in the stub unchanged, and marks the cell N', () => {
    const stubbed = GradeReportSchema.parse(sampleReport());
    const bob = stubbed.submissions[1]!;
    const beta = bob.exercises[1]!;
    bob.exercises[1] = {
      ...beta,
      status: 'failed',
      score: 0,
      passed: 0,
      tests: beta.tests.map((t) => ({
        ...t,
        state: 'failed' as const,
        failure: { message: 'not implemented', stub: true },
      })),
      findings: [
        {
          rule: 'generator-function',
          severity: 'essential',
          file: '02-beta/beta.ts',
          line: 1,
          column: 1,
          message: 'not a generator function',
        },
      ],
      untouched: true,
    };
    // Only ada tried 02-beta, and she failed none of its tests.
    expect(mostFailed(stubbed).find((x) => x.id === '02-beta')).toEqual({
      id: '02-beta',
      attempted: 1,
      tests: [],
    });
    const html = renderHtml(stubbed);
    expect(html).toMatch(/data-exercise="02-beta"[^>]*>0 N<\/td>/);
    // bob's section: the heading with its reason, no list of what a stub is bound to fail.
    const section = html.slice(html.indexOf('id="student-1"'), html.indexOf('id="student-2"'));
    expect(section).toMatch(/<h4>02-beta: failed, 0\/20[^<]*<\/h4>(?!<ul>)/);
  });
});

describe('the terminal table', () => {
  it('lists type errors under the table, a line per exercise', () => {
    const lines = renderTable(report)
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((l) => l.includes('type error'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^ada 01-alpha: a type error \(cost nothing\): 01-alpha\/alpha\.ts:3:7 TS2322 Type 'string'/,
      ),
    ]);
  });
});

describe('grades.csv', () => {
  it('parses back to a row per student, formula-like names made text', () => {
    const rows = parse(readFileSync(join(out, 'grades.csv'), 'utf8')) as string[][];
    expect(rows).toEqual([
      ['student', '01-alpha', '02-beta', 'total', 'max', 'status'],
      ['ada', '10', '20', '30', '30', 'graded'],
      ['bob', '5', '5', '10', '30', 'graded'],
      [report.submissions[2]!.student, '0', '0', '0', '30', 'graded'],
      ["'=cmd|calc", '0', '0', '0', '30', 'error'],
    ]);
  });
});

describe('junit XML', () => {
  it('is valid against the JUnit schema, with learner text escaped', async () => {
    const schema = readFileSync(join(import.meta.dirname, '../fixtures/junit.xsd'), 'utf8');
    const xml = report.submissions.map((s, i) => ({
      fileName: `s${i}.xml`,
      contents: junitXml(s),
    }));
    const result = await validateXML({ xml, schema: { fileName: 'junit.xsd', contents: schema } });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(xml[1]!.contents).toContain('&lt;script&gt;');
    expect(xml[1]!.contents).not.toContain('\u0000');
  });

  it('lists a type error as a property, not a failure', () => {
    const ada = junitXml(report.submissions[0]!);
    expect(ada).toContain('<property name="type-error:TS2322" value="01-alpha/alpha.ts:3:7 Type');
    expect(ada).toContain('failures="0"');
    expect(ada).not.toContain('<failure');
  });

  it('replaces what XML 1.0 cannot hold', () => {
    expect(xmlSafe('a\u0000b\u001bc\ud800d')).toBe('a\ufffdb\ufffdc\ufffdd');
  });
});
