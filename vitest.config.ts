import { defineConfig } from 'vitest/config';
import { kataDir, kataDirPlugin } from './lib/kata-dir.ts';

// KATA_DIR is read once per run: the plugin redirects the tests' imports, and the workers get the
// resolved folder for tests that spawn a child process on the learner's file.
const dir = kataDir();

export default defineConfig({
  plugins: [kataDirPlugin(dir)],
  test: {
    include: ['exercises/*/*.test.ts', '{lib,cli,checker,scripts}/**/*.test.ts'],
    env: { KATA_DIR: dir },
    // Learner code can loop forever; a test that hangs should fail, not stall the pack.
    testTimeout: 10_000,
  },
});
