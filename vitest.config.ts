import { defineConfig } from 'vitest/config';
import { kataDir, kataDirPlugin } from './lib/kata-dir.ts';
import { TEST_OPTIONS } from './lib/test-options.ts';

/**
 * The exercises' settings, for a KATA_DIR read once per run: the plugin redirects the tests'
 * imports, and the workers get the resolved folder for tests that spawn a child process on the
 * learner's file. The runner (cli/vitest-driver.ts) passes this to vitest as it is, inline: one
 * project, no config file to bundle.
 */
export function exercisesConfig(dir = kataDir()) {
  return {
    plugins: [kataDirPlugin(dir)],
    test: { env: { KATA_DIR: dir }, ...TEST_OPTIONS, ...EXERCISES_PROJECT },
  };
}

const EXERCISES_PROJECT = { name: 'exercises', include: ['exercises/*/*.test.ts'] };

const { plugins, test } = exercisesConfig();

export default defineConfig({
  plugins,
  test: {
    env: test.env,
    ...TEST_OPTIONS,
    projects: [
      { extends: true, test: EXERCISES_PROJECT },
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
