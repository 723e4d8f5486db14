/**
 * The grade reporters, by name (`kata grade --format <name,...>`; default: all). Each writes the
 * one `GradeReport` (lib/model.ts) in its own form into the output folder.
 *
 * To add a reporter: write `lib/grade/reporters/<name>.ts` exporting a `Reporter`, and add one
 * line for it to REPORTERS below. Read only the report; never re-run or re-judge anything.
 */
import type { GradeReport } from '../../model.ts';
import { csvReporter } from './csv.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { terminalReporter } from './terminal.ts';

export interface Reporter {
  /** One line for `--help`. */
  description: string;
  write(report: GradeReport, outDir: string): Promise<void> | void;
}

export const REPORTERS: Record<string, Reporter> = {
  terminal: terminalReporter,
  csv: csvReporter,
  json: jsonReporter,
  junit: junitReporter,
  html: htmlReporter,
};
