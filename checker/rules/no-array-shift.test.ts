import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-array-shift';

describe('no-array-shift', () => {
  describe('catches', () => {
    it.each([
      ['.shift()', 'const q = [1, 2];\nexport const x = q.shift();'],
      ["['shift']()", "const q = [1, 2];\nexport const x = q['shift']();"],
      ['a spelled-out key', "const q = [1];\nexport const x = q['sh' + 'ift']();"],
      ['Array.prototype.shift', 'export const take = Array.prototype.shift;'],
      ['.shift.call', 'declare const q: number[];\nexport const x = [].shift.call(q);'],
    ])('%s', (_, src) => expect(run(RULE, src)).toEqual([`${RULE}@${src.split('\n').length}`]));
  });
  describe('does not accuse', () => {
    it.each([
      [
        "the learner's own queue with a shift method",
        'class Queue {\n  shift() {\n    return 1;\n  }\n}\nexport const x = new Queue().shift();',
      ],
      ['unshift and pop', 'const q = [1];\nq.unshift(0);\nexport const x = q.pop();'],
      ['words in comments and strings', '// q.shift()\nexport const s = "q.shift()";'],
      ['a property named shift', 'export const o = { shift: 2 };\nexport const y = o.shift;'],
    ])('%s', (_, src) => expect(run(RULE, src)).toEqual([]));
  });
});
