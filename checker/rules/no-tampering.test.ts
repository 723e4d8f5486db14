import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-tampering';

describe('no-tampering', () => {
  it.each([
    ['asymmetricMatch on an object', 'export const x = { asymmetricMatch: () => true };'],
    [
      'asymmetricMatch as a method',
      'export class X {\n  asymmetricMatch() {\n    return true;\n  }\n}',
    ],
    ['asymmetricMatch assigned', 'const x: any = {};\nx.asymmetricMatch = () => true;'],
    ['Symbol.for', "export const k = Symbol.for('$$jest-matchers-object');"],
    [
      'a borrowed prototype',
      'declare const p: object;\nexport const o = Object.setPrototypeOf({}, p);',
    ],
    [
      'Object.create of a prototype',
      'declare const p: object;\nexport const o = Object.create(p);',
    ],
    ['__proto__ in a literal', 'declare const p: object;\nexport const o = { __proto__: p };'],
  ])('catches %s', (_, src) => expect(run(RULE, src).length).toBeGreaterThan(0));
  it.each([
    ['Object.create(null)', 'export const o = Object.create(null);'],
    ['a plain object', 'export const o = { next: () => ({ done: true, value: 1 }) };'],
    ['Symbol.iterator', 'export const o = { [Symbol.iterator]() { return this; } };'],
    [
      'Symbol.toStringTag, which a class implementing Generator declares',
      "export class G {\n  get [Symbol.toStringTag]() {\n    return 'G';\n  }\n}",
    ],
  ])('does not accuse %s', (_, src) => expect(run(RULE, src)).toEqual([]));
});
