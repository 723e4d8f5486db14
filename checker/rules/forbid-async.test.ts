import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'forbid-async';
const ALL = { forbid: ['async', 'await', 'promise', 'timers'] };

describe('forbid-async', () => {
  describe('catches what is forbidden', () => {
    it.each([
      ['an async function', 'export async function run() {}'],
      ['an async arrow', 'export const run = async () => 1;'],
      ['an async method', 'export const o = { async run() {} };'],
      ['await', 'export const x = await 1;'],
      ['for await', 'declare const s: AsyncIterable<number>;\nfor await (const x of s) x;'],
      ['new Promise', 'export const p = new Promise((r) => r(1));'],
      ['Promise.resolve', 'export const p = Promise.resolve(1);'],
      ['globalThis.Promise', 'export const P = globalThis.Promise;'],
      ['setTimeout', 'setTimeout(() => {}, 1);'],
      ['queueMicrotask', 'queueMicrotask(() => {});'],
    ])('%s', (_, src) =>
      expect(run(RULE, src, ALL)).toEqual([`${RULE}@${src.split('\n').length}`]),
    );
  });
  it('flags only the kinds listed', () => {
    const src = 'export async function run() {\n  return Promise.resolve(1);\n}';
    expect(run(RULE, src, { forbid: ['async'] })).toEqual([`${RULE}@1`]);
    expect(run(RULE, src, { forbid: ['promise'] })).toEqual([`${RULE}@2`]);
    expect(run(RULE, src, { forbid: ['await', 'timers'] })).toEqual([]);
  });
  describe('does not accuse', () => {
    it.each([
      [
        'Promise in a type',
        'export function run(): Promise<number> {\n  return undefined as never;\n}',
      ],
      [
        'an injected clock named setTimeout',
        'export function run(setTimeout: (f: () => void) => void) {\n  setTimeout(() => {});\n}',
      ],
      [
        'a .then() on a yielded value',
        'export function step(v: { then(f: () => void): void }) {\n  v.then(() => {});\n}',
      ],
      [
        'words in comments and strings',
        '// async function f() { await x }\nexport const s = "await Promise setTimeout";',
      ],
    ])('%s', (_, src) => expect(run(RULE, src, ALL)).toEqual([]));
  });
});
