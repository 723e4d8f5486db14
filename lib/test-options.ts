/** Test options every run of the canonical tests shares: vitest.config.ts and the self-check. */
export const TEST_OPTIONS = {
  // Learner code can loop forever; a test that hangs should fail, not stall the pack.
  testTimeout: 10_000,
  // A test that asserts nothing cannot fail: vitest fails it instead.
  expect: { requireAssertions: true },
  // chai cuts values in assertion messages at 40 characters ("Maximum call stack size excee…");
  // a failure's message is shown whole, so only a value longer than this is cut.
  chaiConfig: { truncateThreshold: 300 },
} as const;
