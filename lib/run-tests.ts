import { createVitest } from 'vitest/node';
import { ROOT } from './catalog.ts';

export interface TestOutcome {
  /** `1. Count up to a stop > yields 0 up to stop - 1` */
  fullName: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** First line of each error. */
  errors: string[];
}

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
        reporters: [{}],
        passWithNoTests: true,
        ...(only && { testNamePattern: new RegExp(only.map(escapeRegExp).join('|')) }),
      },
      { logLevel: 'silent' },
    );
    try {
      await vitest.start(filters);
      return vitest.state.getTestModules().map((m) => ({
        file: m.relativeModuleId,
        loadErrors: m.errors().map((e) => firstLine(e.message ?? String(e))),
        tests: [...m.children.allTests()].map((t) => {
          const r = t.result();
          return {
            fullName: t.fullName,
            state: r.state,
            errors: (r.errors ?? []).map((e) => firstLine(e.message ?? String(e))),
          };
        }),
      }));
    } finally {
      await vitest.close();
    }
  } finally {
    if (saved === undefined) delete process.env.KATA_DIR;
    else process.env.KATA_DIR = saved;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!;
}
