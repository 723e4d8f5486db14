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
  ])('catches %s', (_, src) => expect(run(RULE, src)).toHaveLength(1));

  it.each([
    ['instanceof Function', 'declare const f: unknown;\nexport const ok = f instanceof Function;'],
    ['Function.prototype reads', 'export const call = Function.prototype.call;'],
    ['a method called eval', 'const o = { eval: () => 1 };\no.eval();'],
    ['a local named eval', 'function run(eval_: () => void) {\n  eval_();\n}\nrun(() => {});'],
    ['a timer given a function', 'setTimeout(() => {}, 1);'],
    ['words in comments and strings', "// eval('x')\nexport const s = \"new Function('x')\";"],
  ])('does not accuse %s', (_, src) => expect(run(RULE, src)).toEqual([]));
});
