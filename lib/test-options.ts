/** Test options every run of the canonical tests shares: vitest.config.ts and the self-check. */
export const TEST_OPTIONS = {
  // Learner code can loop forever; a test that hangs should fail, not stall the pack.
  testTimeout: 10_000,
  // A test that asserts nothing cannot fail: vitest fails it instead.
  expect: { requireAssertions: true },
} as const;
