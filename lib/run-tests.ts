import type { TestModule } from 'vitest/node';
import { createVitest } from 'vitest/node';
import { ROOT } from './catalog.ts';
import { kataDirPlugin } from './kata-dir.ts';
import { TEST_OPTIONS } from './test-options.ts';
import type { TestOutcome } from './model.ts';

export { fullName, type TestOutcome } from './model.ts';

export interface ModuleOutcome {
  /** Path relative to the repo root, e.g. `exercises/01-lazy-range/lazy-range.test.ts`. */
  file: string;
  /** Errors that stopped the file from running at all (missing file, syntax error). */
  loadErrors: string[];
  tests: TestOutcome[];
}

/**
 * Runs test files once through vitest's Node API, quietly, with `KATA_DIR` set to `kataDir`
 * (undefined: exercises/), and returns what happened to each test.
 *
 * Test files share a worker's module cache (no isolation): each exercise imports its own learner
 * module and restores what it mocks, and starting a fresh module graph per file would double the
 * self-check's time. The learner's runner keeps vitest's default isolation.
 */
export async function runTests(
  filters: string[],
  kataDir?: string,
  /** Run only tests whose names contain one of these (others are reported as skipped). */
  only?: string[],
): Promise<ModuleOutcome[]> {
  const saved = process.env.KATA_DIR;
  // vitest.config.ts reads KATA_DIR when it loads, which createVitest does.
  if (kataDir === undefined) delete process.env.KATA_DIR;
  else process.env.KATA_DIR = kataDir;
  try {
    const vitest = await createVitest(
      'test',
      {
        root: ROOT,
        watch: false,
        isolate: false,
        reporters: [{}],
        passWithNoTests: true,
        ...namePattern(only),
      },
      { logLevel: 'silent' },
    );
    try {
      await vitest.start(filters);
      return vitest.state.getTestModules().map(outcome);
    } finally {
      await vitest.close();
    }
  } finally {
    if (saved === undefined) delete process.env.KATA_DIR;
    else process.env.KATA_DIR = saved;
  }
}

/** Exercises to test against one folder shaped like exercises/. */
export interface Batch {
  kataDir: string;
  exerciseIds: string[];
}

/**
 * Runs several batches in one vitest instance, one project per batch, each with its own
 * KATA_DIR: one start-up instead of one per batch. Returns the outcomes batch by batch.
 */
export async function runBatches(batches: Batch[], only?: string[]): Promise<ModuleOutcome[][]> {
  const vitest = await createVitest(
    'test',
    {
      root: ROOT,
      config: false,
      watch: false,
      reporters: [{}],
      passWithNoTests: true,
      ...namePattern(only),
    },
    {
      logLevel: 'silent',
      test: {
        projects: batches.map((batch, i) => ({
          plugins: [kataDirPlugin(batch.kataDir)],
          test: {
            name: `batch-${i}`,
            root: ROOT,
            include: batch.exerciseIds.map((id) => `exercises/${id}/*.test.ts`),
            env: { KATA_DIR: batch.kataDir },
            ...TEST_OPTIONS,
            isolate: false,
          },
        })),
      },
    },
  );
  try {
    await vitest.start();
    const modules = vitest.state.getTestModules();
    return batches.map((_, i) =>
      modules.filter((m) => m.project.name === `batch-${i}`).map(outcome),
    );
  } finally {
    await vitest.close();
  }
}

function outcome(m: TestModule): ModuleOutcome {
  return {
    file: m.relativeModuleId,
    loadErrors: m.errors().map((e) => firstLine(e.message ?? String(e))),
    tests: [...m.children.allTests()].map((t): TestOutcome => {
      const r = t.result();
      const suite: string[] = [];
      for (let p = t.parent; p.type === 'suite'; p = p.parent) suite.unshift(p.name);
      const error = r.errors?.[0];
      return {
        suite,
        name: t.name,
        state: r.state,
        duration: t.diagnostic()?.duration ?? 0,
        // The self-check needs only the first line of the first error.
        ...(error && {
          failure: { message: firstLine(error.message ?? String(error)), stub: false },
        }),
      };
    }),
  };
}

function namePattern(only: string[] | undefined): { testNamePattern?: RegExp } {
  return only ? { testNamePattern: new RegExp(only.map(escapeRegExp).join('|')) } : {};
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}
