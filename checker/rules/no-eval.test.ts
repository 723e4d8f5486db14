import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-eval';

describe('no-eval', () => {
  it.each([
    ['eval', "eval('1');"],
    ['indirect eval', "(0, eval)('1');"],
    ['globalThis.eval', "globalThis.eval('1');"],
    ['eval passed on', 'export const e = eval;'],
    ['new Function', "export const f = new Function('return 1');"],
    ['Function()', "export const f = Function('return 1')();"],
    ["globalThis['Function']", "export const f = globalThis['Function']('x');"],
    ['a timer given code', "setTimeout('x++', 1);"],
    ['eval spelled in pieces', "(globalThis as any)['ev' + 'al']('1');"],
    ['eval through a constant', "const k = `e${'val'}`;\n(globalThis as any)[k]('1');"],
    ['GeneratorFunction via .constructor', 'export const G = (function* () {}).constructor;'],
    [
      'Function via a prototype',
      "export const F = Object.getPrototypeOf(() => 1).constructor('x');",
    ],
    ['.constructor in pieces', "export const F = (() => 1)['constr' + 'uctor'];"],
    [
      'the global object indexed at run time',
      'declare const k: string;\nexport const g = (globalThis as any)[k];',
    ],
    ['the global object passed on', "export const g = Reflect.get(globalThis, 'eval');"],
  ])('catches %s', (_, src) => expect(run(RULE, src)).toHaveLength(1));

  it.each([
    ['instanceof Function', 'declare const f: unknown;\nexport const ok = f instanceof Function;'],
    ['Function.prototype reads', 'export const call = Function.prototype.call;'],
    ['a method called eval', 'const o = { eval: () => 1 };\no.eval();'],
    ['a local named eval', 'function run(eval_: () => void) {\n  eval_();\n}\nrun(() => {});'],
    ['a timer given a function', 'setTimeout(() => {}, 1);'],
    ['words in comments and strings', "// eval('x')\nexport const s = \"new Function('x')\";"],
    ['a constructor name', 'declare const x: object;\nexport const n = x.constructor.name;'],
    [
      'a constructor compared',
      'declare const x: object;\nexport const b = x.constructor === Object;',
    ],
    [
      'this.constructor in a class',
      'export class A {\n  clone() {\n    return new (this.constructor as any)();\n  }\n}',
    ],
    ['a global read by name', 'export const m = globalThis.Math.max(1, 2);'],
  ])('does not accuse %s', (_, src) => expect(run(RULE, src)).toEqual([]));
});
