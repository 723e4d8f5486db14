import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-global-writes';

describe('no-global-writes', () => {
  it.each([
    ['globalThis.x =', '(globalThis as any).x = 1;'],
    ["window['x'] =", "(window as any)['x'] = 1;"],
    ['Array.prototype.x =', '(Array.prototype as any).take = () => 1;'],
    ['a built-in static', '(Array as any).from = () => [];'],
    ['Iterator.prototype', '(Iterator.prototype as any).take = 1;'],
    ['the generator prototype', '(Object.getPrototypeOf(function* () {}) as any).x = 1;'],
    ['__proto__', 'const o: any = {};\no.__proto__.x = 1;'],
    [
      'Object.defineProperty on a prototype',
      "Object.defineProperty(Array.prototype, 'x', { value: 1 });",
    ],
    ['Object.assign to globalThis', 'Object.assign(globalThis, { x: 1 });'],
    ['Reflect.set on a built-in', "Reflect.set(Math, 'x', 1);"],
    ['delete globalThis.x', 'delete (globalThis as any).x;'],
    ['++ on a global', '(globalThis as any).count++;'],
    ['compound assignment', "(String.prototype as any).x += 'y';"],
    [
      'the generator prototype through an alias',
      'const G: any = Object.getPrototypeOf(function* () {});\nconst P = G.prototype;\nP.next = () => 1;',
    ],
  ])('catches %s', (_, src) =>
    expect(run(RULE, src)).toEqual([`${RULE}@${src.split('\n').length}`]),
  );

  it.each([
    ['this.x =', 'export class A {\n  x = 0;\n  bump() {\n    this.x = 1;\n  }\n}'],
    ['a local object', 'const o: any = {};\no.x = 1;\ndelete o.x;'],
    ['Object.assign to a fresh object', 'export const o = Object.assign({}, { x: 1 });'],
    [
      'Object.defineProperty on its own object',
      "const o = {};\nObject.defineProperty(o, 'x', { value: 1 });",
    ],
    ['reading a global', 'export const x = (globalThis as any).x;'],
    ['a local named window', 'const window = { x: 0 };\nwindow.x = 1;'],
    [
      'words in comments and strings',
      '// globalThis.x = 1\nexport const s = "Array.prototype.x = 1";',
    ],
  ])('does not accuse %s', (_, src) => expect(run(RULE, src)).toEqual([]));
});
