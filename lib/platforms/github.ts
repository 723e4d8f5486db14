/**
 * GitHub Actions: the workflow `kata export github` writes into a student repository, and what
 * its report step prints from the grader's model: the job summary (a table and "Points X/Y"),
 * annotations at file:line, and one GitHub Classroom runner result per exercise as step outputs.
 */
import { Document } from 'yaml';
import type { ExerciseGrade, SubmissionGrade } from '../model.ts';
import { fullName } from '../model.ts';
import type { ClassroomResult } from './classroom-schema.ts';
import { cut, failureText, loadErrorPlace, points } from './text.ts';

/** GitHub shows at most this many annotations of one kind per step. */
export const ANNOTATIONS_PER_KIND = 10;

export function pointsLine(submission: Pick<SubmissionGrade, 'score' | 'maxScore'>): string {
  return `Points ${points(submission.score)}/${points(submission.maxScore)}`;
}

/** The job summary: a row per exercise, then the total as GitHub Classroom words it. */
export function jobSummary(submission: SubmissionGrade): string {
  const rows = submission.exercises.map((g) => {
    const why = g.reason ? ` ${escapeCell(g.reason)}` : '';
    return `| ${g.id} | ${g.status}${why} | ${g.passed}/${g.total} | ${points(g.score)} / ${points(g.points)} |`;
  });
  const head =
    submission.status === 'error'
      ? [`**Not graded:** ${escapeCell(submission.reason ?? 'unknown reason')}`, '']
      : [];
  return [
    `## Autograding: ${submission.student}`,
    '',
    ...head,
    '| exercise | status | tests | points |',
    '| --- | --- | --- | --- |',
    ...rows,
    `| **total** | | | **${points(submission.score)} / ${points(submission.maxScore)}** |`,
    '',
    `**${pointsLine(submission)}**`,
    '',
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file: string;
  line: number;
  column?: number;
  title: string;
  message: string;
}

/**
 * Annotations for checker findings and failing tests, most important first: essential findings
 * and failing tests as errors, other findings as warnings. A failing test points at the line of
 * the learner's code that threw when there is one, else at the test's line.
 */
export function annotations(
  submission: SubmissionGrade,
  /** Maps a file named by the model to its path in the repository, or undefined if absent. */
  repoPath: (file: string) => string | undefined,
): Annotation[] {
  const out: Annotation[] = [];
  for (const grade of submission.exercises) {
    for (const f of grade.findings) {
      const file = repoPath(f.file);
      if (!file) continue;
      out.push({
        level:
          f.severity === 'essential' ? 'error' : f.severity === 'actionable' ? 'warning' : 'notice',
        file,
        line: f.line,
        column: f.column,
        title: `${grade.id}: checker ${f.rule}`,
        message: f.message,
      });
    }
    for (const test of grade.tests) {
      if (test.state === 'passed' || !test.failure) continue;
      // The learner's line that threw, else the test's line, else the top of the learner's file.
      const learnerFile = {
        file: `${grade.id}/${grade.id.replace(/^\d+-/, '')}.ts`,
        line: 1,
        column: 1,
      };
      const where = [test.failure.thrownAt, test.failure.at, test.declaredAt, learnerFile]
        .filter((l) => l !== undefined)
        .map((l) => ({ ...l, file: repoPath(l.file) }))
        .find((l) => l.file);
      if (!where?.file) continue;
      out.push({
        level: 'error',
        file: where.file,
        line: where.line,
        column: where.column,
        title: `${grade.id}: ${fullName(test)}`,
        message: cut(failureText(test.failure), 1000),
      });
    }
    for (const t of grade.typeErrors ?? []) {
      const file = repoPath(t.file);
      if (!file) continue;
      out.push({
        level: 'warning',
        file,
        line: t.line,
        column: t.column,
        title: `${grade.id}: type error${t.code ? ` TS${t.code}` : ''} (costs nothing)`,
        message: t.message,
      });
    }
    // No failing test to point at (the file did not load, the run hung or died while loading):
    // the exercise's own reason goes on its file.
    const shown = grade.tests.some((t) => t.state !== 'passed' && t.failure);
    if (!shown && ['failed', 'timeout', 'crashed'].includes(grade.status)) {
      out.push(...exerciseAnnotation(grade, repoPath));
    }
  }
  const rank = { error: 0, warning: 1, notice: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level]);
}

function exerciseAnnotation(
  grade: ExerciseGrade,
  repoPath: (file: string) => string | undefined,
): Annotation[] {
  const slug = grade.id.replace(/^\d+-/, '');
  const file = repoPath(`${grade.id}/${slug}.ts`);
  if (!file) return [];
  // A syntax error says where it is: point there, not at the top of the file.
  const place = loadErrorPlace(grade) ?? { line: 1 };
  return [
    {
      level: 'error',
      file,
      ...place,
      title: `${grade.id}: ${grade.status}`,
      message: cut([grade.reason, ...grade.loadErrors].filter(Boolean).join('\n'), 1000),
    },
  ];
}

/** Workflow-command escaping: data escapes %, CR and LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function annotationCommand(a: Annotation): string {
  const props = [`file=${escapeProperty(a.file)}`, `line=${a.line}`];
  if (a.column) props.push(`col=${a.column}`);
  props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}`;
}

/** The lines to print: within GitHub's per-kind cap, with a note when some were left out. */
export function annotationCommands(list: Annotation[]): string[] {
  const shown = new Map<string, number>();
  const lines: string[] = [];
  let dropped = 0;
  for (const a of list) {
    const n = shown.get(a.level) ?? 0;
    if (n >= ANNOTATIONS_PER_KIND) {
      dropped++;
      continue;
    }
    shown.set(a.level, n + 1);
    lines.push(annotationCommand(a));
  }
  if (dropped) {
    lines.push(
      `::notice title=More findings::${dropped} more are in the job summary's artifact (report.json).`,
    );
  }
  return lines;
}

/** `$GITHUB_OUTPUT` lines: one base64 runner result per exercise, for the classroom reporter. */
export function classroomOutputs(results: Map<string, ClassroomResult>): string {
  return [...results]
    .map(([id, r]) => `${id}=${Buffer.from(JSON.stringify(r)).toString('base64')}\n`)
    .join('');
}

export interface WorkflowOptions {
  /** `owner/name` of the pack's published repository: where the canonical tests come from. */
  packRepo: string;
  /** The commit, tag or branch of the pack to grade with (a commit cannot be moved). */
  packRef: string;
  /** Runner ids, one per exercise (`ex01`, ...). */
  runners: string[];
  /** Node.js major version for the job. */
  nodeVersion: string;
}

/** The job id GitHub Classroom's reporter looks for when it posts the points. */
export const CLASSROOM_JOB = 'run-autograding-tests';

export function workflowYaml(o: WorkflowOptions): string {
  const pack = '${{ runner.temp }}/kata-pack';
  const grades = '${{ runner.temp }}/grades';
  const workflow = {
    name: 'Autograding Tests',
    on: ['push', 'workflow_dispatch', 'repository_dispatch'],
    permissions: { checks: 'write', actions: 'read', contents: 'read' },
    jobs: {
      [CLASSROOM_JOB]: {
        'runs-on': 'ubuntu-latest',
        if: "github.actor != 'github-classroom[bot]'",
        'timeout-minutes': 20,
        env: { KATA_PACK_REPO: o.packRepo, KATA_PACK_REF: o.packRef },
        steps: [
          { name: 'Check out the submission', uses: 'actions/checkout@v4' },
          {
            name: 'Set up Node.js',
            uses: 'actions/setup-node@v4',
            with: { 'node-version': o.nodeVersion },
          },
          {
            name: "Fetch the pack's canonical tests",
            // Outside the workspace, from the pack's published repository at a fixed ref: the
            // student's own copies of the tests, configs and package.json are never used.
            run: [
              `git init -q "${pack}"`,
              `git -C "${pack}" fetch -q --depth 1 "https://github.com/$KATA_PACK_REPO.git" "$KATA_PACK_REF"`,
              `git -C "${pack}" checkout -q FETCH_HEAD`,
            ].join('\n'),
          },
          {
            name: 'Install the pack',
            'working-directory': pack,
            run: 'npm ci --no-audit --no-fund',
          },
          {
            name: 'Grade',
            run: `node "${pack}/bin/kata.js" grade . --out "${grades}"`,
          },
          {
            name: 'Report',
            id: 'report',
            if: 'always()',
            run: `node "${pack}/bin/kata.js" platform github --report "${grades}/report.json" --repo .`,
          },
          {
            name: 'Keep the reports',
            if: 'always()',
            uses: 'actions/upload-artifact@v4',
            with: { name: 'grades', path: grades, 'if-no-files-found': 'warn' },
          },
          {
            name: 'Autograding Reporter',
            if: 'always()',
            uses: 'classroom-resources/autograding-grading-reporter@v1',
            env: Object.fromEntries(
              o.runners.map((id) => [
                `${id.toUpperCase()}_RESULTS`,
                `\${{ steps.report.outputs.${id} }}`,
              ]),
            ),
            with: { runners: o.runners.join(',') },
          },
        ],
      },
    },
  };
  const doc = new Document(workflow);
  doc.commentBefore =
    " Written by `kata export github`: grades every push with the pack's canonical tests.\n" +
    ` The tests come from ${o.packRepo} at ${o.packRef}, never from this repository.`;
  return doc.toString({ lineWidth: 0 });
}
