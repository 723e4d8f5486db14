import { defineConfig } from 'vitest/config';
import { kataDir, kataDirPlugin } from './lib/kata-dir.ts';
import { TEST_OPTIONS } from './lib/test-options.ts';

// KATA_DIR is read once per run: the plugin redirects the tests' imports, and the workers get the
// resolved folder for tests that spawn a child process on the learner's file.
const dir = kataDir();

export default defineConfig({
  plugins: [kataDirPlugin(dir)],
  test: {
    env: { KATA_DIR: dir },
    ...TEST_OPTIONS,
    projects: [
      {
        extends: true,
        test: { name: 'exercises', include: ['exercises/*/*.test.ts'] },
      },
      {
        extends: true,
        // The tooling's tests hold no learner code; sharing one module cache per worker saves
        // loading the TypeScript compiler once per test file.
        test: {
          name: 'tooling',
          include: ['{lib,cli,checker,scripts}/**/*.test.ts'],
          isolate: false,
        },
      },
    ],
  },
});
