import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Reporter } from './index.ts';

/** grades.csv: a row per student, a column per exercise (its score), the total and the status. */
export const csvReporter: Reporter = {
  description: 'grades.csv: a row per student, a column per exercise, the total (RFC 4180)',
  write(report, outDir) {
    const header = ['student', ...report.exercises.map((e) => e.id), 'total', 'max', 'status'];
    const rows = report.submissions.map((s) => [
      spreadsheetSafe(s.student),
      ...report.exercises.map((e) => s.exercises.find((x) => x.id === e.id)?.score ?? 0),
      s.score,
      s.maxScore,
      s.status,
    ]);
    writeFileSync(
      join(outDir, 'grades.csv'),
      stringify([header, ...rows], { record_delimiter: '\r\n' }),
    );
  },
};

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is quoted as text. */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
