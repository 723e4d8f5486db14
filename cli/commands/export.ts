/**
 * The grading platforms: `kata export gradescope|github` package the pack for a platform, and
 * `kata platform gradescope|exercism|github` are what the platform runs (run_autograder,
 * bin/run.sh, the workflow's report step). The work is in lib/platforms/, loaded on use.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadCatalog, ROOT, UsageError } from '../../lib/catalog.ts';
import { CHECKER_MODES, type CheckerMode } from '../../lib/model.ts';

const VISIBILITIES = ['hidden', 'after_due_date', 'after_published', 'visible'] as const;
type Visibility = (typeof VISIBILITIES)[number];

export function addPlatformCommands(kata: Command, setCode: (code: number) => void): void {
  const exporter = kata
    .command('export')
    .description('package the pack for a grading platform (gradescope, github)');

  exporter
    .command('gradescope')
    .description("build Gradescope's autograder zip: setup.sh, run_autograder and the pack")
    .option('--out <file>', 'where to write the zip', 'autograder.zip')
    .addOption(visibilityOption())
    .option('--timeout <seconds>', 'limit per exercise (kata grade --timeout)', seconds)
    .option(
      '--node <version>',
      'Node.js release setup.sh installs if the image has none',
      process.version,
    )
    .action(async (o: { out: string; visibility?: Visibility; timeout?: number; node: string }) => {
      if (!/^v\d+\.\d+\.\d+$/.test(o.node)) {
        throw new UsageError(`--node ${o.node}: give a release like v20.19.0.`);
      }
      const { writeGradescopeZip } = await import('../../lib/platforms/gradescope-zip.ts');
      const out = resolve(o.out);
      mkdirSync(dirname(out), { recursive: true });
      const count = await writeGradescopeZip(out, {
        root: ROOT,
        nodeVersion: o.node,
        ...(o.visibility && { visibility: o.visibility }),
        ...(o.timeout && { timeout: o.timeout }),
      });
      process.stdout.write(`Wrote ${o.out} (${count} files): upload it as the autograder.\n`);
      setCode(0);
    });

  exporter
    .command('github')
    .description("write the grading workflow into a student repository (or the pack's template)")
    .argument('[dir]', 'the repository to write .github/workflows/classroom.yml into', '.')
    .option(
      '--pack <owner/name>',
      "the pack's published GitHub repository (default: package.json or origin)",
    )
    .option('--ref <ref>', "the pack's commit or tag to grade with (default: the current commit)")
    .option('--node <major>', 'Node.js version for the job', String(Math.max(20, nodeMajor())))
    .action(async (dir: string, o: { pack?: string; ref?: string; node: string }) => {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new UsageError(`no folder ${dir}: give the student repository's folder.`);
      }
      const { workflowYaml } = await import('../../lib/platforms/github.ts');
      const { runnerId } = await import('../../lib/platforms/classroom.ts');
      const packRepo = o.pack ?? packRepository();
      if (!/^[\w.-]+\/[\w.-]+$/.test(packRepo)) {
        throw new UsageError(`--pack ${packRepo}: give the GitHub repository as owner/name.`);
      }
      const packRef = o.ref ?? packCommit();
      if (!/^[\w./-]+$/.test(packRef)) {
        throw new UsageError(`--ref ${packRef}: give a commit, tag or branch name.`);
      }
      const file = join(dir, '.github', 'workflows', 'classroom.yml');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(
        file,
        workflowYaml({
          packRepo,
          packRef,
          runners: loadCatalog().exercises.map((e) => runnerId(e.id)),
          nodeVersion: o.node,
        }),
      );
      process.stdout.write(
        `Wrote ${file}: every push is graded with the tests of ${packRepo} at ${packRef} ` +
          '(that commit must be pushed there).\n',
      );
      setCode(0);
    });

  const platform = kata
    .command('platform')
    .description('what a grading platform runs (run_autograder, bin/run.sh, the workflow)');

  platform
    .command('gradescope')
    .description('grade <root>/submission into <root>/results/results.json (run_autograder)')
    .option('--root <dir>', 'the autograder tree', process.env.AUTOGRADER_ROOT ?? '/autograder')
    .addOption(visibilityOption())
    .option('--timeout <seconds>', 'limit per exercise', seconds, 20)
    .option(
      '--budget <seconds>',
      'stop grading after this long (Gradescope allows 600 s by default)',
      seconds,
      480,
    )
    .addOption(checkerOption())
    .action(
      async (o: {
        root: string;
        visibility?: Visibility;
        timeout: number;
        budget: number;
        checker: CheckerMode;
      }) => {
        const { runGradescope } = await import('../../lib/platforms/gradescope-run.ts');
        const total = loadCatalog().exercises.length;
        const r = await runGradescope({
          root: o.root,
          timeoutMs: o.timeout * 1000,
          budgetMs: o.budget * 1000,
          checker: o.checker,
          ...(o.visibility && { visibility: o.visibility }),
          // One line per write, for the instructor's log of the run.
          onWrite: (_results, graded) =>
            process.stdout.write(`results.json: ${graded} of ${total} exercises graded\n`),
        });
        process.stdout.write(`${r.output ?? ''}\n`);
        setCode(0);
      },
    );

  platform
    .command('exercism')
    .description("Exercism's test-runner interface: writes <output_dir>/results.json (version 3)")
    .argument('<slug>', 'the exercise, like lazy-range')
    .argument('<input_dir>', 'the folder holding the solution')
    .argument('<output_dir>', 'where results.json goes')
    .option('--timeout <seconds>', 'limit for the exercise', seconds, 20)
    .addOption(checkerOption())
    .action(
      async (
        slug: string,
        input: string,
        output: string,
        o: { timeout: number; checker: CheckerMode },
      ) => {
        const { runExercism } = await import('../../lib/platforms/exercism-run.ts');
        const r = await runExercism({
          slug,
          input,
          output,
          timeoutMs: o.timeout * 1000,
          checker: o.checker,
        });
        process.stdout.write(`${slug}: ${r.status}\n`);
        // The interface: exit 0 whatever the tests did.
        setCode(0);
      },
    );

  platform
    .command('github')
    .description("the workflow's report step: job summary, annotations, classroom results")
    .option('--report <file>', "kata grade's report.json", 'grades/report.json')
    .option('--repo <dir>', "the student's repository", '.')
    .action(async (o: { report: string; repo: string }) => {
      const { runGithubReport } = await import('../../lib/platforms/github-run.ts');
      runGithubReport({ report: o.report, repo: o.repo });
      setCode(0);
    });
}

function visibilityOption(): Option {
  return new Option('--visibility <when>', 'when students see the tests').choices(VISIBILITIES);
}

function checkerOption(): Option {
  return new Option(
    '--checker <mode>',
    'essential findings withhold points, are only reported, or off',
  )
    .choices(CHECKER_MODES)
    .default('withhold');
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a number of seconds.');
  return n;
}

function nodeMajor(): number {
  return Number(process.versions.node.split('.')[0]);
}

/** `owner/name` from package.json's repository, or from the git remote `origin`. */
function packRepository(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    repository?: string | { url?: string };
  };
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const found = (url && githubName(url)) ?? githubName(git(['remote', 'get-url', 'origin']) ?? '');
  if (!found) {
    throw new UsageError(
      "no pack repository known: pass --pack owner/name (the pack's published GitHub repository).",
    );
  }
  return found;
}

function githubName(url: string): string | undefined {
  const m = /(?:github(?:\.com)?[:/]|^)([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m?.[1];
}

function packCommit(): string {
  return git(['rev-parse', 'HEAD']) ?? 'main';
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', ROOT, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
