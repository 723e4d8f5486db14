import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-process';

describe('no-process', () => {
  it.each([
    ['process.env', 'export const home = process.env.HOME;'],
    ['process.exit', 'process.exit(0);'],
    ['globalThis.process', 'export const p = globalThis.process;'],
    ["globalThis['process']", "export const p = globalThis['process'];"],
    ['a shorthand property', 'export const o = { process };'],
  ])('catches %s', (_, src) => expect(run(RULE, src)).toEqual([`${RULE}@1`]));

  it.each([
    ['a parameter named process', 'export function run(process: () => void) {\n  process();\n}'],
    ['a property named process', 'const o = { process: 1 };\nexport const p = o.process;'],
    ['a type mentioning process', 'export let p: typeof process | undefined;'],
    ['words in comments and strings', '// process.exit(1)\nexport const s = "process.env";'],
  ])('does not accuse %s', (_, src) => expect(run(RULE, src)).toEqual([]));
});
