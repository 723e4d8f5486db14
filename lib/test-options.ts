import { fileURLToPath } from 'node:url';

/** Test options every run of the canonical tests shares: vitest.config.ts and the self-check. */
export const TEST_OPTIONS = {
  // Before an exercise's tests load learner code: freeze what they rely on, hide the runner.
  setupFiles: [fileURLToPath(new URL('./harden.ts', import.meta.url))] as string[],
  // Learner code can loop forever; a test that hangs should fail, not stall the pack.
  testTimeout: 10_000,
  // A test that asserts nothing cannot fail: vitest fails it instead.
  expect: { requireAssertions: true },
  // chai cuts values in assertion messages at 40 characters ("Maximum call stack size excee…");
  // a failure's message is shown whole, so only a value longer than this is cut.
  chaiConfig: { truncateThreshold: 300 },
  // A test tagged `heavy` (`it(name, { tags: [HEAVY] }, fn)`) runs like any other here; only the
  // learner's watch mode holds it back until every other test of its file passes (cli/).
  tags: [{ name: 'heavy', description: 'slow by design; watch mode runs it last' }] as {
    name: string;
    description: string;
  }[],
} as const;

/** The tag of a test too slow for watch mode's first report (cli/vitest-driver.ts). */
export const HEAVY = 'heavy';
