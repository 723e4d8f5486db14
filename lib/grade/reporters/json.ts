import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GradeReportSchema } from '../../model.ts';
import type { Reporter } from './index.ts';

/** report.json: the whole model, validated by its schema before it is written. */
export const jsonReporter: Reporter = {
  description: 'report.json: every student, exercise and test, validated by the schema',
  write(report, outDir) {
    const valid = GradeReportSchema.parse(report);
    writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(valid, null, 2)}\n`);
  },
};
