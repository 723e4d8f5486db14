/**
 * junit/<student>.xml: one JUnit XML file per student, one <testsuite> per exercise, written by
 * xmlbuilder2 (which escapes markup). Characters XML 1.0 cannot hold at all (most control
 * characters, lone surrogates) are replaced first, since no escaping can carry them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'xmlbuilder2';
import { fullName, type ExerciseGrade, type SubmissionGrade } from '../../model.ts';
import { fileSafe } from '../resume.ts';
import type { Reporter } from './index.ts';

export const junitReporter: Reporter = {
  description: 'junit/<student>.xml: JUnit XML per student, for CI dashboards and LMS imports',
  write(report, outDir) {
    const dir = join(outDir, 'junit');
    mkdirSync(dir, { recursive: true });
    for (const s of report.submissions) {
      writeFileSync(join(dir, `${fileSafe(s.student)}.xml`), junitXml(s));
    }
  },
};

/** The JUnit XML of one student's grade. */
export function junitXml(s: SubmissionGrade): string {
  const suites = s.exercises.map(suiteCounts);
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, c) => n + c[k], 0);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: xmlSafe(`kata grade: ${s.student}`),
    tests: s.status === 'error' ? 1 : sum('tests'),
    failures: sum('failures'),
    errors: s.status === 'error' ? 1 : sum('errors'),
    time: seconds(s.duration),
  });
  if (s.status === 'error') {
    const suite = root.ele('testsuite', {
      name: 'submission',
      tests: 1,
      failures: 0,
      errors: 1,
      skipped: 0,
      time: 0,
    });
    suite
      .ele('testcase', { name: 'submission can be graded', classname: 'submission', time: 0 })
      .ele('error', { message: xmlSafe(s.reason ?? 'could not be graded'), type: 'error' })
      .txt(xmlSafe(s.reason ?? ''));
  }
  for (const [i, e] of s.exercises.entries()) {
    const c = suites[i]!;
    const suite = root.ele('testsuite', {
      name: e.id,
      tests: c.tests,
      failures: c.failures,
      errors: c.errors,
      skipped: c.skipped,
      time: seconds(e.duration),
    });
    const props = suite.ele('properties');
    props.ele('property', { name: 'status', value: e.status });
    props.ele('property', { name: 'score', value: String(e.score) });
    props.ele('property', { name: 'points', value: String(e.points) });
    if (e.reason) props.ele('property', { name: 'reason', value: xmlSafe(e.reason) });
    for (const f of e.findings) {
      props.ele('property', {
        name: `finding:${f.rule}`,
        value: xmlSafe(`${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`),
      });
    }
    // A type error costs nothing: a property, never a failure.
    for (const t of e.typeErrors ?? []) {
      props.ele('property', {
        name: t.code ? `type-error:TS${t.code}` : 'type-error',
        value: xmlSafe(`${t.file}:${t.line}:${t.column} ${t.message}`),
      });
    }
    if (e.status === 'missing' || (e.tests.length === 0 && e.status !== 'passed')) {
      // No test ran: one case says why, so the exercise is not silently green.
      const kind = e.status === 'timeout' || e.status === 'crashed' ? 'error' : 'failure';
      suite
        .ele('testcase', { name: 'the exercise can be tested', classname: e.id, time: 0 })
        .ele(kind, { message: xmlSafe(e.reason ?? e.status), type: e.status })
        .txt(xmlSafe([e.reason, ...e.loadErrors].filter(Boolean).join('\n')));
    }
    for (const t of e.tests) {
      const tc = suite.ele('testcase', {
        name: xmlSafe(fullName(t)),
        classname: xmlSafe(`${e.id}.${t.suite[0] ?? ''}`),
        time: seconds(t.duration ?? 0),
      });
      if (t.state === 'skipped' || t.state === 'pending') tc.ele('skipped');
      else if (t.state === 'failed') {
        const message = t.failure?.message ?? 'failed';
        const detail = [
          message,
          t.failure?.expected && `expected: ${t.failure.expected}`,
          t.failure?.received && `received: ${t.failure.received}`,
        ]
          .filter(Boolean)
          .join('\n');
        tc.ele('failure', { message: xmlSafe(message), type: 'AssertionError' }).txt(
          xmlSafe(detail),
        );
      }
    }
    if (e.status === 'withheld') {
      suite
        .ele('testcase', {
          name: 'the checker finds no essential problem',
          classname: e.id,
          time: 0,
        })
        .ele('failure', { message: xmlSafe(e.reason ?? 'withheld'), type: 'checker' })
        .txt(
          xmlSafe(e.findings.map((f) => `${f.rule} ${f.file}:${f.line}: ${f.message}`).join('\n')),
        );
    }
    if (e.output) suite.ele('system-out').txt(xmlSafe(e.output));
  }
  return root.end({ prettyPrint: true });
}

function suiteCounts(e: ExerciseGrade): {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
} {
  const noTests = e.status === 'missing' || (e.tests.length === 0 && e.status !== 'passed');
  const failed = e.tests.filter((t) => t.state === 'failed').length;
  const skipped = e.tests.filter((t) => t.state === 'skipped' || t.state === 'pending').length;
  const broken = e.status === 'timeout' || e.status === 'crashed';
  return {
    tests: e.tests.length + (noTests ? 1 : 0) + (e.status === 'withheld' ? 1 : 0),
    failures: failed + (noTests && !broken ? 1 : 0) + (e.status === 'withheld' ? 1 : 0),
    errors: noTests && broken ? 1 : 0,
    skipped,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * Text XML 1.0 can hold: control characters (but tab, newline, return) and lone surrogates become
 * U+FFFD.
 */
export function xmlSafe(text: string): string {
  return text.replace(
    /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
