/**
 * The `kata` command line: every command and option is declared here, each with one line of
 * description; each command's work is in its own module under cli/commands/, loaded on use.
 */
import { stopChecker } from './evaluate.ts';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { UsageError } from '../lib/catalog.ts';
import { addPlatformCommands } from './commands/export.ts';

function program(setCode: (code: number) => void): Command {
  const kata = new Command('kata')
    .description('yield-katas: learn generators by rebuilding them, one exercise at a time.')
    .exitOverride()
    .showSuggestionAfterError()
    .addHelpText('after', '\nWith no command, kata watches the first unfinished exercise.');

  kata
    .command('watch')
    .description('run the first unfinished exercise and re-run it on every save (the default)')
    .action(async () => setCode(await (await import('./commands/watch.ts')).watch()));

  kata
    .command('list')
    .description('show every exercise with its status and points')
    .option('--fresh', 'run every exercise again instead of reusing remembered results')
    .action(async (opts: { fresh?: boolean }) =>
      setCode(await (await import('./commands/list.ts')).list(opts)),
    );

  kata
    .command('run')
    .description("run one exercise's tests and the checker once")
    .argument('<exercise>', 'number, id or slug, like 1, 01-lazy-range or lazy-range')
    .action(async (exercise: string) =>
      setCode(await (await import('./commands/run.ts')).run(exercise)),
    );

  kata
    .command('hint')
    .description('show the next hint for an exercise, gentle to direct')
    .argument('<exercise>', 'number, id or slug')
    .action(async (exercise: string) =>
      setCode((await import('./commands/hint.ts')).hint(exercise)),
    );

  kata
    .command('reset')
    .description("put an exercise's stub back; your file is kept beside it as a .bak")
    .argument('<exercise>', 'number, id or slug')
    .action(async (exercise: string) =>
      setCode((await import('./commands/reset.ts')).reset(exercise)),
    );

  kata
    .command('solution')
    .description('show the reference solution of an exercise you have done')
    .argument('<exercise>', 'number, id or slug')
    .action(async (exercise: string) =>
      setCode(await (await import('./commands/solution.ts')).solution(exercise)),
    );

  kata
    .command('ui')
    .description("open vitest's browser UI on the exercises")
    .option('--port <port>', 'port of the UI server (default: vitest picks one)', port)
    .action(async (opts: { port?: number }) =>
      setCode(await (await import('./commands/ui.ts')).ui(opts)),
    );

  kata
    .command('check')
    .description('run the generator checker on learner files')
    .argument('[dir]', 'a folder shaped like exercises/ (default: KATA_DIR or exercises/)')
    .option('--exercise <exercise>', 'check only this exercise (number, id or slug)')
    .option('--json', 'print the findings as JSON')
    .action(async (dir: string | undefined, opts: { exercise?: string; json?: boolean }) =>
      setCode(await (await import('./commands/check.ts')).check(dir, opts)),
    );

  kata
    .command('grade')
    .description('grade a class of submissions safely, with partial credit and reports')
    .argument('<path...>', 'a folder of submissions (a subfolder or .zip each), or submissions')
    .option('--out <dir>', 'where the reports go', 'grades')
    .option(
      '--timeout <seconds>',
      'CPU-time limit per exercise (wall clock: 3x, 60 s min)',
      seconds,
      20,
    )
    .option(
      '--checker <mode>',
      'withhold (essential findings cost the points), report or off',
      'withhold',
    )
    .option('--format <names>', 'reports: all, or some of terminal,csv,json,junit,html', 'all')
    .option('--fresh', 'regrade what an earlier run graded')
    .option('--concurrency <n>', 'submissions at once (default: the number of cores)', positive)
    .option('--exercises <list>', 'grade only these, by number or id: 5,07-return-values')
    .action(async (paths: string[], opts: import('./commands/grade.ts').GradeCommandOptions) =>
      setCode(await (await import('./commands/grade.ts')).grade(paths, opts)),
    );

  addPlatformCommands(kata, setCode);

  return kata;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) {
    throw new InvalidArgumentError('expected a number of seconds from 1 to 3600, like 20.');
  }
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('expected a whole number, 1 or more.');
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new InvalidArgumentError('expected a port number from 1 to 65535.');
  }
  return n;
}

/** Runs the command line and returns the exit code: 2 for a usage error. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  try {
    // No command means watch; anything else goes to commander (unknown commands included).
    await program((c) => (code = c)).parseAsync(argv.length ? argv : ['watch'], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has printed the message; help and version are not errors.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`kata: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    // The checker's worker thread would keep the process alive.
    await stopChecker();
  }
}
