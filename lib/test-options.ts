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
} as const;
