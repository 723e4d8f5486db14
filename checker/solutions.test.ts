/**
 * `kata check exercises` reports the untouched stubs: every stub of an exercise that asks for a
 * generator is flagged. (That the solutions are clean and each anti-solution is rejected by its
 * stated rule is a step of the self-check, scripts/selfcheck.ts.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES_DIR, loadExercises } from '../lib/catalog.ts';
import { checkFile } from './index.ts';

const wantGenerators = loadExercises().filter((e) =>
  e.meta.checks.some((c) => /generator-function$/.test(c.rule)),
);

describe('the untouched stubs', () => {
  it('include exercises that ask for a generator', () => {
    expect(wantGenerators.length).toBeGreaterThan(5);
  });

  it.each(wantGenerators.map((e) => [e.id, e] as const))('%s is reported', (_, e) => {
    const found = checkFile(join(EXERCISES_DIR, e.id, e.stubFile), e.meta.checks);
    expect(
      found.some((f) => /generator-function$/.test(f.rule) && f.severity === 'essential'),
    ).toBe(true);
  });
});
