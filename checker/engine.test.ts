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
      expect(spots(found)).toEqual(['generator-function@4322', 'no-eager-collection@4322']);
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
    writeFileSync(join(dir, 'impl.ts'), 'export function range() {\n  return [process.argv];\n}\n');
    const found = checkFile(join(dir, 'lazy-range.ts'), GEN);
    expect(found.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['generator-function', join(dir, 'impl.ts'), 1],
      ['no-process', join(dir, 'impl.ts'), 2],
    ]);
    expect(found[0]!.message).toContain('`kata hint 1`');
  });
});

describe('every file the code can load, and nothing that changes how it compiles', () => {
  const GEN_EAGER = [...GEN, { rule: 'no-eager-collection', export: 'range' }];
  it.each([
    ['a .mjs sibling', "export { range } from './impl.mjs';", 'impl.mjs'],
    ['a .tsx sibling', "export { range } from './impl';", 'impl.tsx'],
    ['a .cjs sibling', "export { range } from './impl.cjs';", 'impl.cjs'],
    ['a folder index', "export { range } from './lib';", 'lib/index.ts'],
  ])('follows %s', (_, src, name) => {
    const siblings = {
      [name]: 'export function* range(n) {\n  yield* Array.from({ length: n });\n}',
    };
    const found = check(src, GEN_EAGER, { siblings });
    // Eager, and a generator in name only: yield* over an array made at the first next().
    expect(found.map((f) => [f.rule, f.file.split('/').pop()])).toEqual([
      ['generator-function', name.split('/').pop()],
      ['no-eager-collection', name.split('/').pop()],
    ]);
  });
  it('reads a file loaded by import(), with every base rule', () => {
    const siblings = { 'impl.ts': 'export const x = eval("1");' };
    const found = check("export const m = import('./impl');", [], { siblings, base: true });
    expect(found.map((f) => [f.rule, f.file.split('/').pop()])).toEqual([['no-eval', 'impl.ts']]);
  });
  it('reports a loaded file it cannot read as unverifiable', () => {
    expect(spots(check("export * from './hidden.mjs';", GEN, { base: true }))).toEqual([
      'unverifiable@1',
    ]);
  });
  it('reports a config file in the folder, which must not change how the code compiles', () => {
    const siblings = { 'tsconfig.json': '{}' };
    const found = check('export function* range() {}', GEN, { siblings, base: true });
    expect(found.map((f) => [f.rule, f.file.split('/').pop()])).toEqual([
      ['learner-config', 'tsconfig.json'],
    ]);
  });
});

describe('every export form resolves', () => {
  it.each([
    [
      'destructured from an object',
      'export const { range, count } = { *range() {}, *count() {} };',
    ],
    ['renamed in a destructuring', 'const o = { *r() {} };\nexport const { r: range } = o;'],
    ['destructured from an array', 'export const [range] = [function* () {}];'],
    ['export =', 'const o = { *range() {} };\nexport = o;'],
    [
      'an instance method, resolved on the class',
      'class S {\n  *range() {}\n}\nconst s = new S();\nexport const range = s.range;',
    ],
    [
      'a factory with one return',
      'function make() {\n  return function* () {};\n}\nexport const range = make();',
    ],
    ['a namespace import', "import * as M from './impl';\nexport const range = M.range;"],
    ['Object.freeze', 'export const { range } = Object.freeze({ *range() {} });'],
  ])('%s', (_, src) =>
    expect(
      spots(check(src, GEN, { siblings: { 'impl.ts': 'export function* range() {}' } })),
    ).toEqual([]),
  );
  it.each([
    [
      'a wrapper closing over its argument',
      'function keep(f: any) {\n  return function* () {\n    yield* f();\n  };\n}\nexport const range = keep(() => [1]);',
      'unverifiable@6',
    ],
    [
      'a bound plain method, which makes no generator',
      'const o = { range() {\n  return [1].values();\n} };\nexport const range = o.range.bind(o);',
      'generator-function@4',
    ],
    [
      'a generator in name only',
      'export function* range() {\n  yield* { next: () => ({ done: true, value: 1 }), [Symbol.iterator]() { return this; } };\n}',
      'generator-function@2',
    ],
  ])('%s', (_, src, spot) => expect(spots(check(src, GEN))).toEqual([spot]));
});
