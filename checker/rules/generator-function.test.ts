import { describe, expect, it } from 'vitest';
import { check, run } from '../testing.ts';

const gen = (source: string, exp = 'range', siblings?: Record<string, string>) =>
  run('generator-function', source, { export: exp }, { siblings });

describe('generator-function', () => {
  describe('catches', () => {
    it('a plain function that returns an iterator', () => {
      expect(gen('export function range(n: number) {\n  return [n].values();\n}')).toEqual([
        'generator-function@1',
      ]);
    });
    it('an arrow function, a class and an object', () => {
      expect(gen('export const range = () => [1].values();')).toEqual(['generator-function@1']);
      expect(gen('export class range {}')).toEqual(['generator-function@1']);
      expect(gen('export const range = { next() {} };')).toEqual(['generator-function@1']);
    });
    it('an async generator where a sync one is wanted', () => {
      expect(gen('export async function* range() {}')).toEqual(['generator-function@1']);
    });
    it('an export that does not exist', () => {
      expect(gen('export function* other() {}')).toEqual(['generator-function@1']);
    });
    it('"function*" in a comment or a string, next to a plain function', () => {
      const src =
        '// export function* range() {}\nconst s = "function*";\nexport function range() {}';
      expect(gen(src)).toEqual(['generator-function@3']);
    });
    it('a plain implementation behind overload signatures', () => {
      const src =
        'export function range(n: number): Generator<number>;\nexport function range(n: number) {\n  throw 1;\n}';
      expect(gen(src)).toEqual(['generator-function@2']);
    });
    it('a plain function re-exported from a sibling file, in that file', () => {
      const findings = check(
        "export { range } from './impl';",
        [{ rule: 'generator-function', export: 'range' }],
        {
          siblings: { 'impl.ts': '\nexport function range() {}' },
        },
      );
      expect(findings.map((f) => [f.file.split('/').pop(), f.line])).toEqual([['impl.ts', 2]]);
    });
  });

  describe('accepts', () => {
    it.each([
      ['export function*', 'export function* range() {}'],
      ['a generator expression', 'export const range = function* () {};'],
      ['a cast generator expression', 'export const range = (function* () {}) as () => Generator;'],
      ['export { x }', 'function* range() {}\nexport { range };'],
      ['export { x as y }', 'function* impl() {}\nexport { impl as range };'],
      ['a const alias', 'function* impl() {}\nexport const range = impl;'],
      [
        'overloads with a generator implementation',
        'export function range(n: number): Generator;\nexport function* range(n: number) {}',
      ],
      [
        'a method picked off an object',
        'const ops = { *range() {} };\nexport const range = ops.range;',
      ],
    ])('%s', (_, src) => expect(gen(src)).toEqual([]));

    it('a default export', () => {
      expect(gen('export default function* () {}', 'default')).toEqual([]);
      expect(gen('function* r() {}\nexport default r;', 'default')).toEqual([]);
    });
    it('a generator method of an exported object or class', () => {
      expect(gen('export const Ops = { *range() {} };', 'Ops.range')).toEqual([]);
      expect(gen('export class Lazy { static *range() {} }', 'Lazy.range')).toEqual([]);
      expect(gen('export class R { *[Symbol.iterator]() {} }', 'R[Symbol.iterator]')).toEqual([]);
      expect(gen('export class R { [Symbol.iterator]() {} }', 'R[Symbol.iterator]')).toEqual([
        'generator-function@1',
      ]);
    });
    it('re-exports and imports from sibling files', () => {
      const siblings = {
        'impl.ts': 'export function* range() {}',
        'more.ts': "export * from './impl.ts';",
      };
      expect(gen("export { range } from './impl';", 'range', siblings)).toEqual([]);
      expect(gen("export * from './more.js';", 'range', siblings)).toEqual([]);
      expect(
        gen("import { range as r } from './impl';\nexport { r as range };", 'range', siblings),
      ).toEqual([]);
    });
  });

  describe('follows a wrapper to the function* that makes what each call returns', () => {
    it.each([
      [
        'an arrow passing its arguments on',
        'function* impl(n: number) {}\nexport const range = (n: number) => impl(n);',
      ],
      [
        'a rest-spread arrow',
        'function* impl(...a: number[]) {}\nexport const range = (...a: number[]) => impl(...a);',
      ],
      [
        'a function that checks, then returns the call',
        'function* impl() {}\nexport function range(n: number) {\n  if (n < 0) throw new RangeError();\n  return impl.call(null);\n}',
      ],
      [
        'Reflect.apply',
        'function* impl() {}\nexport const range = (...a: []) => Reflect.apply(impl, undefined, a);',
      ],
      ['a bound generator function', 'function* impl() {}\nexport const range = impl.bind(null);'],
      [
        'a bound generator method',
        'const ops = { *gen() {} };\nexport const range = ops.gen.bind(ops);',
      ],
      [
        'a Proxy without an apply trap',
        'function* impl() {}\nexport const range = new Proxy(impl, {});',
      ],
      [
        'a Proxy whose apply trap calls its target',
        'function* impl() {}\nexport const range = new Proxy(impl, {\n  apply: (t, self, args) => Reflect.apply(t, self, args),\n});',
      ],
      [
        'a local helper that calls what it is given',
        'function* impl() {}\nconst call = (f: () => Generator) => f();\nexport const range = () => call(impl);',
      ],
      [
        'a generator method taken out by destructuring',
        'export const { range } = { *range() {} };',
      ],
      [
        'a generator made inside the wrapper',
        'export const range = (n: number) => (function* () {\n  yield n;\n})();',
      ],
      [
        'a wrapper around a wrapper',
        'function* impl() {}\nconst inner = () => impl();\nexport const range = inner.bind(null);',
      ],
    ])('%s', (_, src) => expect(gen(src)).toEqual([]));

    it('catches a wrapper whose call gives anything but a generator object', () => {
      const hand =
        'function hand() {\n  return { next: () => ({ done: true, value: undefined }) };\n}\n';
      expect(gen(`${hand}export const range = () => hand();`)).toEqual(['generator-function@4']);
      expect(gen(`${hand}export const range = hand.bind(null);`)).toEqual(['generator-function@4']);
      expect(
        gen(
          `${hand}function* impl() {}\nexport const range = new Proxy(impl, { apply: () => hand() });`,
        ),
      ).toEqual(['generator-function@5']);
      expect(gen('async function* impl() {}\nexport const range = () => impl();')).toEqual([
        'generator-function@2',
      ]);
      expect(gen('function* impl() {}\nexport const range = async () => impl();')).toEqual([
        'generator-function@2',
      ]);
      expect(
        gen(
          'function* impl() {}\nexport const range = (n: number) => (n ? impl() : [n].values());',
        ),
      ).toEqual(['generator-function@2']);
    });

    it('catches a generator in name only behind a wrapper: it replays an array made beforehand', () => {
      const replay = 'function* replay(xs: number[]) {\n  yield* xs;\n}\n';
      expect(
        gen(
          `${replay}export const range = (n: number) => {\n  const all = [];\n  for (let i = 0; i < n; i++) all.push(i);\n  return replay(all);\n};`,
        ),
      ).toEqual(['generator-function@2']);
      expect(
        gen(`${replay}export const range = (...xs: number[]) => replay(xs.map((x) => x * 2));`),
      ).toEqual(['generator-function@2']);
      expect(
        gen(
          'function* all(xs: Iterable<number>) {\n  yield* Array.from(xs);\n}\nexport const range = all.bind(null);',
        ),
      ).toEqual(['generator-function@2']);
      // Delegating to an input it was given is no replay: that is what yield* is for.
      expect(gen(`${replay}export const range = (xs: number[]) => replay(xs);`)).toEqual([]);
    });

    it('reports a wrapper it cannot follow as unverifiable', () => {
      expect(
        gen('declare const impl: () => Generator;\nexport const range = () => impl();'),
      ).toEqual(['unverifiable@1']);
      expect(
        gen(
          'function* impl() {}\nexport const range = new Proxy(impl, handler);\ndeclare const handler: object;',
        ),
      ).toEqual(['unverifiable@2']);
      expect(gen('export const range = (f: () => Generator) => f();')).toEqual(['unverifiable@1']);
    });
  });

  describe('reports as unverifiable what it cannot follow, never passes it', () => {
    it.each([
      [
        'a call',
        'declare function wrap(f: unknown): any;\nexport const range = wrap(function* () {});',
      ],
      ['a missing sibling', "export { range } from './nowhere';"],
      ['a namespace re-export', "export * as range from './impl';"],
      ['an object with a spread', 'const base = {};\nexport const Ops = { ...base };'],
    ])('%s', (_, src) =>
      expect(gen(src, src.includes('Ops') ? 'Ops.range' : 'range')).toEqual([
        `unverifiable@${src.split('\n').length}`,
      ]),
    );
  });
});
