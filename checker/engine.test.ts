import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkSources, validateChecks } from './index.ts';
import { check, FILE, spots } from './testing.ts';

const GEN = [{ rule: 'generator-function', export: 'range' }];

describe('engine', () => {
  describe('files it cannot check become findings', () => {
    it('a syntax error, with its place, and nothing else about that file', () => {
      const found = check('export function range(n: number {\n  return n;\n}', GEN, { base: true });
      expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([['syntax-error', 1, 33]]);
    });
    it('a syntax error in a sibling file, while the file itself is still checked', () => {
      const found = check("export { range } from './impl';\nprocess.exit();", GEN, {
        base: true,
        siblings: { 'impl.ts': 'export function* range( {}' },
      });
      expect(found.map((f) => [f.rule, f.file.split('/').pop()])).toEqual([
        ['syntax-error', 'impl.ts'],
        ['no-process', 'kata.ts'],
      ]);
    });
    it('a missing file, naming the path expected', () => {
      const found = checkSources([{ path: '/nowhere/01-x/x.ts', checks: GEN }]);
      expect(found).toEqual([
        expect.objectContaining({ rule: 'missing-file', file: '/nowhere/01-x/x.ts' }),
      ]);
      expect(found[0]!.message).toContain('/nowhere/01-x/x.ts');
    });
    it('a file nested deeper than the parser can go', () => {
      const depth = 5000;
      const src = `export const f = ${'() => '.repeat(depth)}1;`;
      expect(spots(check(src, GEN))).toEqual(['too-deep@1']);
    });
  });

  describe('big and deep files still check', () => {
    it('a 5,000-line file', () => {
      const lines = Array.from(
        { length: 5000 },
        (_, i) => `export function* f${i}() { yield ${i}; }`,
      );
      lines[4321] = 'export function* range() { yield* Array.from([1]); }';
      const found = check(
        lines.join('\n'),
        [...GEN, { rule: 'no-eager-collection', export: 'range' }],
        {
          base: true,
        },
      );
      expect(spots(found)).toEqual(['no-eager-collection@4322']);
    });
    it('500 levels of nested arrow functions and blocks', () => {
      const depth = 500;
      const arrows = `${'() => {\n'.repeat(depth)}eval('x');\n${'};\n'.repeat(depth)}`;
      const blocks = `{ if (n) `.repeat(depth) + 'n++;' + ' }'.repeat(depth);
      const src = `export const f = ${arrows}\nexport function* range(n: number) {\n${blocks}\nyield n;\n}`;
      expect(spots(check(src, GEN, { base: true }))).toEqual([`no-eval@${depth + 1}`]);
    });
  });

  describe('reads the checks from meta.json as data', () => {
    it('rejects an unknown rule id and bad parameters with one clear line', () => {
      expect(() => check('', [{ rule: 'no-such-rule' }])).toThrow(
        /checks\[0\]: unknown rule "no-such-rule"; the rules are: .*generator-function/,
      );
      expect(() => check('', [{ rule: 'generator-function' }])).toThrow(
        /checks\[0\] \(generator-function\): export:/,
      );
      expect(() => check('', [{ rule: 'forbid-async', forbid: ['sync'] }])).toThrow(/forbid\.0/);
      expect(() => check('', [{ rule: 'no-eval', extra: 1 }])).toThrow(/no-eval/);
    });
    it('lists the problems without throwing for the self-check', () => {
      expect(
        validateChecks([{ rule: 'generator-function', export: 'x' }, { rule: 'nope' }]),
      ).toEqual([expect.stringMatching(/^checks\[1\]: unknown rule "nope"/)]);
    });
    it("lets meta.json lower a rule's severity", () => {
      const found = check('export function range() {}', [{ ...GEN[0]!, severity: 'informative' }]);
      expect(found.map((f) => f.severity)).toEqual(['informative']);
      expect(() => check('', [{ ...GEN[0]!, severity: 'fatal' }])).toThrow(/severity/);
    });
    it('runs a base rule once even when meta.json lists it', () => {
      expect(spots(check('process.exit();', [{ rule: 'no-process' }], { base: true }))).toEqual([
        'no-process@1',
      ]);
    });
  });

  it('gives absolute paths, 1-based positions, sorted', () => {
    const found = check('\n  process.exit();\neval("1");', [], { base: true });
    expect(found.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([
      [FILE, 2, 3, 'no-process'],
      [FILE, 3, 1, 'no-eval'],
    ]);
  });

  it('does not loop on files that re-export each other, and says it cannot tell', () => {
    const siblings = { 'a.ts': "export { range } from './kata';" };
    expect(spots(check("export { range } from './a';", GEN, { siblings }))).toEqual([
      'unverifiable@1',
    ]);
  });

  it('reads files and siblings from disk', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'checker-')), '01-lazy-range');
    mkdirSync(dir);
    writeFileSync(join(dir, 'lazy-range.ts'), "export { range } from './impl.js';\n");
    writeFileSync(join(dir, 'impl.ts'), 'export function range() {\n  return process.argv;\n}\n');
    const found = checkFile(join(dir, 'lazy-range.ts'), GEN);
    expect(found.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['generator-function', join(dir, 'impl.ts'), 1],
      ['no-process', join(dir, 'impl.ts'), 2],
    ]);
    expect(found[0]!.message).toContain('`kata hint 1`');
  });
});
