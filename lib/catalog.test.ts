import { describe, expect, it } from 'vitest';
import { findExercise, loadExercises, parseFolderName, UsageError } from './catalog.ts';
import { parseMeta } from './meta.ts';

describe('catalog', () => {
  it('reads number and slug from the folder name alone', () => {
    expect(parseFolderName('04-lazy-pipelines')).toEqual({ number: 4, slug: 'lazy-pipelines' });
    expect(parseFolderName('4-lazy')).toBeUndefined();
    expect(parseFolderName('04-Lazy')).toBeUndefined();
  });

  it('loads the exercises in folder order', () => {
    const numbers = loadExercises().map((e) => e.number);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('finds an exercise by number, id or slug', () => {
    const all = loadExercises();
    const first = all[0]!;
    expect(findExercise(all, String(first.number))).toBe(first);
    expect(findExercise(all, first.id)).toBe(first);
    expect(findExercise(all, first.slug)).toBe(first);
  });

  it('names the exercises that exist when none matches', () => {
    const all = loadExercises();
    expect(() => findExercise(all, '99')).toThrow(UsageError);
    expect(() => findExercise(all, '99')).toThrow(
      /no exercise "99"; the exercises are: 1 \(lazy-range\)/,
    );
  });
});

describe('metadata', () => {
  const valid = {
    title: 'Lazy range',
    summary: 'Rebuild range() lazily.',
    concepts: ['yield'],
    points: 10,
    hints: ['first hint, gentle', 'second hint, direct'],
  };

  it('accepts valid metadata and fills defaults', () => {
    const meta = parseMeta(JSON.stringify(valid), 'meta.json');
    expect(meta.checks).toEqual([]);
    expect(meta.prerequisites).toEqual([]);
  });

  it('names the file and field of a problem', () => {
    const bad = JSON.stringify({ ...valid, hints: ['only one hint here'] });
    expect(() => parseMeta(bad, 'x/meta.json')).toThrow(
      /^x\/meta\.json: hints: give at least two hints/,
    );
  });

  it('rejects unknown fields and broken JSON in one line', () => {
    expect(() => parseMeta(JSON.stringify({ ...valid, hint: [] }), 'm.json')).toThrow(
      /m\.json: .*hint/,
    );
    expect(() => parseMeta('{', 'm.json')).toThrow(/m\.json: not valid JSON/);
  });
});
