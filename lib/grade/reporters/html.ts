/**
 * report.html: one self-contained page for the instructor: a heatmap of students × exercises, a
 * histogram of totals, per exercise the tests most students fail (what to teach again), and per
 * student the failures and findings. No script and no outside resource: the page's
 * Content-Security-Policy forbids both, so learner text in it can never run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fullName,
  type ExerciseGrade,
  type GradeReport,
  type SubmissionGrade,
} from '../../model.ts';
import type { Reporter } from './index.ts';
import { cellText, fmt, LEGEND } from './marks.ts';

export const htmlReporter: Reporter = {
  description: 'report.html: heatmap, histogram, what to teach again, per-student details',
  write(report, outDir) {
    writeFileSync(join(outDir, 'report.html'), renderHtml(report));
  },
};

/** Bins of the histogram of totals. */
export const HISTOGRAM_BINS = 10;

export function renderHtml(report: GradeReport): string {
  const graded = report.submissions.filter((s) => s.status === 'graded');
  const mean = graded.length ? graded.reduce((n, s) => n + s.score, 0) / graded.length : 0;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kata grade: ${report.submissions.length} submissions</title>
<style>${CSS}</style>
</head>
<body>
<h1>Grades</h1>
<p class="summary">${report.submissions.length} submissions, ${graded.length} graded,
mean <span id="mean">${fmt(mean)}</span> of ${report.maxScore} points.
Limit ${report.settings.timeoutMs / 1000} s per exercise, checker: ${report.settings.checker}.
${report.interrupted ? '<strong>Interrupted: only the submissions below were graded.</strong>' : ''}</p>
<h2>Students × exercises</h2>
${heatmap(report)}
<h2>Totals</h2>
${histogram(report)}
<h2>What to teach again</h2>
${teachAgain(report)}
<h2>Students</h2>
${report.submissions.map((s, i) => student(s, i)).join('\n')}
</body>
</html>
`;
}

function heatmap(report: GradeReport): string {
  const head = report.exercises
    .map((e) => `<th title="${esc(e.title)} (${e.points} points)">${esc(e.id.slice(0, 2))}</th>`)
    .join('');
  const rows = report.submissions.map((s, i) => {
    const cells = report.exercises.map((e) => {
      const g = s.exercises.find((x) => x.id === e.id);
      if (!g) return '<td class="cell none">·</td>';
      const share = g.points ? g.score / g.points : 0;
      const tip = `${g.id}: ${g.status}, ${fmt(g.score)}/${g.points}${g.reason ? ` — ${g.reason}` : ''}`;
      return `<td class="cell ${g.status}" style="background:${heat(g)}" title="${esc(tip)}" data-exercise="${esc(g.id)}" data-score="${g.score}" data-share="${share.toFixed(2)}">${cellText(g, ' ')}</td>`;
    });
    const total =
      s.status === 'error'
        ? `<td class="total error" title="${esc(s.reason ?? '')}">error</td>`
        : `<td class="total" data-total="${s.score}">${fmt(s.score)}</td>`;
    return `<tr data-student="${esc(s.student)}"><th class="name"><a href="#student-${i}">${esc(s.student)}</a></th>${cells.join('')}${total}</tr>`;
  });
  return `<table class="heatmap" id="heatmap"><thead><tr><th>student</th>${head}<th>total / ${report.maxScore}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="legend">Cell: points earned. ${LEGEND}.</p>`;
}

function heat(g: ExerciseGrade): string {
  if (g.status === 'missing' || g.untouched) return '#eee';
  if (g.status === 'withheld') return '#e6d5f5';
  const share = g.points ? g.score / g.points : 0;
  // Red (0) to green (120) through yellow.
  return `hsl(${Math.round(share * 120)} 70% 80%)`;
}

/** Counts of totals per bin, bins of maxScore / HISTOGRAM_BINS, the last one closed. */
export function histogramCounts(report: GradeReport): number[] {
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const s of report.submissions) {
    if (s.status !== 'graded') continue;
    const share = report.maxScore ? s.score / report.maxScore : 0;
    counts[Math.min(HISTOGRAM_BINS - 1, Math.floor(share * HISTOGRAM_BINS))]! += 1;
  }
  return counts;
}

function histogram(report: GradeReport): string {
  const counts = histogramCounts(report);
  const most = Math.max(1, ...counts);
  const step = report.maxScore / HISTOGRAM_BINS;
  const bars = counts.map((n, i) => {
    const from = Math.round(i * step);
    const to = Math.round((i + 1) * step);
    return `<div class="bar" data-bin="${i}" data-count="${n}"><span class="label">${from}–${to}</span><span class="fill" style="width:${((n / most) * 100).toFixed(1)}%"></span><span class="count">${n}</span></div>`;
  });
  return `<div class="histogram" id="histogram">${bars.join('\n')}</div>`;
}

/** Per exercise, its tests by how many students failed them, most first (top three). */
export function mostFailed(
  report: GradeReport,
): { id: string; attempted: number; tests: { name: string; failed: number }[] }[] {
  return report.exercises.map((e) => {
    const failed = new Map<string, number>();
    let attempted = 0;
    for (const s of report.submissions) {
      const g = s.exercises.find((x) => x.id === e.id);
      // Not started is not a lesson that failed to land: only the students who tried count.
      if (!g || g.status === 'missing' || g.untouched) continue;
      attempted += 1;
      for (const t of g.tests) {
        if (t.state !== 'failed') continue;
        const name = fullName(t);
        failed.set(name, (failed.get(name) ?? 0) + 1);
      }
    }
    const tests = [...failed]
      .map(([name, n]) => ({ name, failed: n }))
      .sort((a, b) => b.failed - a.failed || (a.name < b.name ? -1 : 1))
      .slice(0, 3);
    return { id: e.id, attempted, tests };
  });
}

function teachAgain(report: GradeReport): string {
  const items = mostFailed(report)
    .filter((x) => x.tests.length)
    .map(
      (x) =>
        `<li data-exercise="${esc(x.id)}"><strong>${esc(x.id)}</strong><ul>${x.tests
          .map(
            (t) =>
              `<li><span class="n" data-failed="${t.failed}">${t.failed} of ${x.attempted}</span> ${esc(t.name)}</li>`,
          )
          .join('')}</ul></li>`,
    );
  return items.length
    ? `<ul class="teach" id="teach">${items.join('\n')}</ul>`
    : '<p id="teach">No test failed.</p>';
}

function student(s: SubmissionGrade, i: number): string {
  const parts: string[] = [];
  if (s.status === 'error')
    parts.push(`<p class="error">Could not be graded: ${esc(s.reason ?? '')}</p>`);
  for (const e of s.exercises) {
    const typeErrors = (e.typeErrors ?? []).map(
      (t) =>
        `<li class="warning">type error (costs nothing) ${esc(t.file)}:${t.line}:${t.column}${t.code ? ` TS${t.code}` : ''}: ${esc(t.message)}</li>`,
    );
    if (e.status === 'passed' && !typeErrors.length) continue;
    // A stub fails every test and meets none of the checker's rules: listing them tells the
    // instructor nothing the reason does not.
    const failures = (e.untouched ? [] : e.tests)
      .filter((t) => t.state === 'failed')
      .map(
        (t) =>
          `<li>${esc(fullName(t))}: <code>${esc(t.failure?.message ?? 'failed')}</code>${
            t.failure?.expected !== undefined
              ? ` <span class="diff">expected <code>${esc(t.failure.expected)}</code>, received <code>${esc(t.failure.received ?? '')}</code></span>`
              : ''
          }</li>`,
      );
    const findings = (e.untouched ? [] : e.findings).map(
      (f) =>
        `<li class="finding ${f.severity}">${esc(f.rule)} (${f.severity}) ${esc(f.file)}:${f.line}: ${esc(f.message)}</li>`,
    );
    const loads = e.loadErrors.map((m) => `<li><code>${esc(m)}</code></li>`);
    parts.push(
      `<h4>${esc(e.id)}: ${e.status}, ${fmt(e.score)}/${e.points}${e.reason ? ` — ${esc(e.reason)}` : ''}</h4>` +
        (loads.length + failures.length + findings.length + typeErrors.length
          ? `<ul>${[...loads, ...failures, ...findings, ...typeErrors].join('')}</ul>`
          : '') +
        (e.output ? `<details><summary>output</summary><pre>${esc(e.output)}</pre></details>` : ''),
    );
  }
  if (s.ignored.length) {
    parts.push(
      `<details><summary>${s.ignored.length} ignored files</summary><ul>${s.ignored
        .map((f) => `<li><code>${esc(f.file)}</code>: ${esc(f.reason)}</li>`)
        .join('')}</ul></details>`,
    );
  }
  parts.push(
    `<details><summary>isolation</summary><ul>${s.isolation
      .map(
        (l) =>
          `<li>${l.on ? 'on' : '<strong>off</strong>'}: ${esc(l.layer)} (${esc(l.detail)})</li>`,
      )
      .join('')}</ul></details>`,
  );
  const total = s.status === 'error' ? 'error' : `${fmt(s.score)}/${s.maxScore}`;
  return `<section class="student" id="student-${i}"><h3>${esc(s.student)}: ${total}</h3>\n${parts.join('\n')}</section>`;
}

/** Text as HTML: the five characters that could open markup or leave an attribute. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const CSS = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table.heatmap { border-collapse: collapse; }
.heatmap th, .heatmap td { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }
.heatmap th.name { text-align: left; font-weight: normal; }
.heatmap td.total { font-weight: bold; }
.heatmap td.error { color: #b00; }
.legend { color: #666; font-size: 12px; }
.histogram .bar { display: flex; align-items: center; gap: 8px; margin: 2px 0; }
.histogram .label { width: 6em; text-align: right; color: #555; }
.histogram .fill { display: inline-block; height: 14px; background: #4a90d9; min-width: 1px; }
.teach .n { display: inline-block; min-width: 5em; color: #b00; }
.student { border-top: 1px solid #ddd; margin-top: 1em; }
.finding.essential { color: #b00; }
.warning { color: #8a6d00; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 6px; }
code { background: #f6f6f6; }
`;
