/**
 * The workflow's report step: reads the grader's report.json and gives GitHub what it shows:
 * the job summary, annotations at file:line in the student's repository, and one GitHub
 * Classroom runner result per exercise as step outputs for the classroom's reporter.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCatalog, ROOT, UsageError } from '../catalog.ts';
import { GradeReportSchema, type ExerciseGrade, type GradeReport } from '../model.ts';
import { classroomResults } from './classroom.ts';
import {
  annotationCommands,
  annotations,
  classroomOutputs,
  jobSummary,
  pointsLine,
} from './github.ts';
import { testSources } from './test-code.ts';

export interface GithubReportOptions {
  /** The grader's report.json. */
  report: string;
  /** The student's repository (the workflow's checkout). */
  repo: string;
  /** Where GitHub reads the summary and outputs (default: its environment variables). */
  summaryFile?: string;
  outputFile?: string;
  print?: (line: string) => void;
}

export function readReport(file: string): GradeReport {
  if (!existsSync(file)) {
    throw new UsageError(`no report at ${file}: run kata grade first (its --out folder).`);
  }
  return GradeReportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A file the model names, as a path in the repository; undefined when it is not there. */
export function repoPathIn(repo: string): (file: string) => string | undefined {
  return (file) => {
    const rel = file.startsWith('/') ? relative(repo, file) : file;
    for (const candidate of [rel, `exercises/${rel}`]) {
      if (!candidate.startsWith('..') && existsSync(join(repo, candidate))) return candidate;
    }
    return undefined;
  };
}

export function runGithubReport(o: GithubReportOptions): { score: number; maxScore: number } {
  const print = o.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const report = readReport(o.report);
  const submission = report.submissions[0];
  if (!submission)
    throw new UsageError(`${o.report} grades no submission: run kata grade . first.`);
  const summaryFile = o.summaryFile ?? process.env.GITHUB_STEP_SUMMARY;
  const outputFile = o.outputFile ?? process.env.GITHUB_OUTPUT;
  const repoPath = repoPathIn(o.repo);

  const summary = jobSummary(submission);
  if (summaryFile) appendFileSync(summaryFile, summary);
  else print(summary);
  for (const line of annotationCommands(annotations(submission, repoPath))) print(line);

  const tests = new Map(loadCatalog().exercises.map((e) => [e.id, join(e.dir, e.testFile)]));
  // A submission that could not be graded still answers for every exercise the workflow expects.
  const graded = submission.exercises.length
    ? submission
    : { ...submission, exercises: report.exercises.map((e) => notGraded(e, submission.reason)) };
  const results = classroomResults(
    graded,
    (g) => (tests.has(g.id) ? testSources(tests.get(g.id)!) : []),
    (file) => relative(ROOT, file),
  );
  if (outputFile) appendFileSync(outputFile, classroomOutputs(results));
  print(pointsLine(submission));
  return { score: submission.score, maxScore: submission.maxScore };
}

function notGraded(
  e: { id: string; title: string; points: number },
  reason = 'the submission could not be graded',
): ExerciseGrade {
  return {
    ...e,
    score: 0,
    status: 'missing',
    reason,
    passed: 0,
    total: 0,
    tests: [],
    loadErrors: [],
    findings: [],
    warnings: [],
    output: '',
    duration: 0,
  };
}
