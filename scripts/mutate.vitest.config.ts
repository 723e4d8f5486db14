// The vitest config of `npm run mutate` (scripts/mutate.ts): only the canonical exercise tests,
// against solutions/, for the exercises named in MUTATE_EXERCISES (folder ids, comma-separated).
import { defineConfig } from 'vitest/config';
import { kataDirPlugin } from '../lib/kata-dir.ts';
import { ROOT, SOLUTIONS_DIR } from '../lib/paths.ts';
import { TEST_OPTIONS } from '../lib/test-options.ts';

const ids = (process.env.MUTATE_EXERCISES ?? '').split(',').filter(Boolean);

export default defineConfig({
  plugins: [kataDirPlugin(SOLUTIONS_DIR)],
  test: {
    ...TEST_OPTIONS,
    root: ROOT,
    env: { KATA_DIR: SOLUTIONS_DIR },
    include: ids.length ? ids.map((id) => `exercises/${id}/*.test.ts`) : ['exercises/*/*.test.ts'],
  },
});
