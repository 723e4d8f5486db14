/**
 * The checker against the pack itself: every solution passes, every anti-solution is rejected by
 * the rule its anti.json names, and the untouched stubs are reported. Exercises still being
 * written (no readable meta.json yet) are skipped here; the self-check catches those.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISE_FOLDER, EXERCISES_DIR, SOLUTIONS_DIR } from '../lib/catalog.ts';
import { parseMeta, type Meta } from '../lib/meta.ts';
import { checkFile } from './index.ts';

interface Anti {
  file: string;
  rejectedBy: { rule?: string };
}

const exercises = readdirSync(EXERCISES_DIR)
  .filter((id) => EXERCISE_FOLDER.test(id) && existsSync(join(EXERCISES_DIR, id, 'meta.json')))
  .flatMap((id) => {
    const metaFile = join(EXERCISES_DIR, id, 'meta.json');
    try {
      return [
        {
          id,
          file: `${id.slice(3)}.ts`,
          meta: parseMeta(readFileSync(metaFile, 'utf8'), metaFile),
        },
      ];
    } catch {
      return [];
    }
  });

const show = (found: ReturnType<typeof checkFile>) =>
  found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`);

function antis(id: string): [string, string, Meta['checks']][] {
  const list = join(SOLUTIONS_DIR, id, 'anti', 'anti.json');
  if (!existsSync(list)) return [];
  const meta = exercises.find((e) => e.id === id)!.meta;
  return (JSON.parse(readFileSync(list, 'utf8')) as Anti[])
    .filter((a) => a.rejectedBy.rule)
    .map((a) => [a.file, a.rejectedBy.rule!, meta.checks]);
}

describe.each(exercises)('$id', ({ id, file, meta }) => {
  const solution = join(SOLUTIONS_DIR, id, file);
  it.runIf(existsSync(solution))('finds no essential issue in the solution', () => {
    const essential = checkFile(solution, meta.checks).filter((f) => f.severity === 'essential');
    expect(show(essential)).toEqual([]);
  });

  const wantsGenerator = meta.checks.some((c) => /generator-function$/.test(c.rule));
  it.runIf(wantsGenerator)('reports the untouched stub', () => {
    const found = checkFile(join(EXERCISES_DIR, id, file), meta.checks);
    expect(found.some((f) => /generator-function$/.test(f.rule))).toBe(true);
  });

  const cases = antis(id);
  it.runIf(cases.length > 0).each(cases)('rejects anti/%s by %s', (anti, rule, checks) => {
    const found = checkFile(join(SOLUTIONS_DIR, id, 'anti', anti), checks);
    expect(found.map((f) => f.rule)).toContain(rule);
  });
});
