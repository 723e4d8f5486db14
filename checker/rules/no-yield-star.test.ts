import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-yield-star';
const SRC = [
  'export function* inner() {',
  '  yield 1;',
  '  return 2;',
  '}',
  'export function* outer() {',
  '  const r = yield* inner();',
  '  yield r;',
  '}',
].join('\n');

describe('no-yield-star', () => {
  it('catches every yield* in the file when no export is named', () => {
    expect(run(RULE, SRC)).toEqual([`${RULE}@6`]);
  });
  it('catches yield* in a sibling file the checked file re-exports', () => {
    const siblings = { 'impl.ts': 'export function* outer() {\n  yield* [1];\n}' };
    expect(run(RULE, "export { outer } from './impl';", {}, { siblings })).toHaveLength(1);
  });
  it('with an export named, looks only there and in its helpers', () => {
    expect(run(RULE, SRC, { export: 'outer' })).toEqual([`${RULE}@6`]);
    expect(run(RULE, SRC, { export: 'inner' })).toEqual([]);
  });
  it('does not count a plain yield, a comment or a string', () => {
    expect(
      run(RULE, '// yield* x\nexport function* g() {\n  yield "yield* x";\n  yield (1);\n}'),
    ).toEqual([]);
  });
});
