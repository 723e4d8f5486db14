import { describe, expect, it } from 'vitest';
import { stubTaskProblems, taskNumbers, taskReferences } from './stub-tasks.ts';

const README = [
  '# Demo',
  '## Tasks',
  '### 1. Take',
  '`take(it, n)` yields the first n values.',
  '### 2. Map',
  '`map(it, fn)` yields fn(value).',
  '### 3. A class',
  '`new Box(v)` keeps v; `box.size` and `box[Symbol.iterator]()` read it.',
  '## Check your work',
  'take map',
].join('\n');

const stub = (body: string) => `export function take() {\n  ${body}\n}\n`;

describe('stub and README tasks', () => {
  it('reads task lists as written in stubs', () => {
    expect(taskNumbers('1')).toEqual([1]);
    expect(taskNumbers('1 to 3, 5')).toEqual([1, 2, 3, 5]);
    expect(taskNumbers('1, 2 and 4')).toEqual([1, 2, 4]);
  });

  it('finds references in functions, methods, accessors and constructors', () => {
    const refs = taskReferences(
      [
        'export class Box {',
        "  constructor() { throw new Error('README task 3'); }",
        '  get size() { // TODO: README task 3.',
        '  }',
        "  [Symbol.iterator]() { throw new Error('(README tasks 1 to 2)'); }",
        '}',
      ].join('\n'),
    );
    expect(refs.map((r) => [r.name, r.tasks, r.line])).toEqual([
      ['Box', [3], 2],
      ['size', [3], 3],
      ['Symbol.iterator', [1, 2], 5],
    ]);
  });

  it('accepts a reference to the task that names the function', () => {
    expect(
      stubTaskProblems(stub("throw new Error('write take() (README task 1).');"), README),
    ).toEqual([]);
    const box = "export class Box { constructor() { throw new Error('README task 3'); } }";
    expect(stubTaskProblems(box, README)).toEqual([]);
  });

  it('names the task that describes a function pointed at the wrong one', () => {
    const [problem, ...rest] = stubTaskProblems(
      stub("throw new Error('write take() (README task 2).');"),
      README,
    );
    expect(rest).toEqual([]);
    expect(problem).toBe(
      'line 2, "README task 2" in take: README task 2 does not name take. fix: it is described in task 1.',
    );
  });

  it('flags a task the README does not have, and ignores text after the tasks', () => {
    expect(stubTaskProblems(stub('// TODO: README tasks 1 and 4.'), README)).toEqual([
      'line 2, "README tasks 1 and 4" in take: the README has no task 4. fix: the task number in the stub.',
    ]);
    const map = 'export function map() { // README task 3\n}';
    expect(stubTaskProblems(map, README)).toEqual([
      'line 1, "README task 3" in map: README task 3 does not name map. fix: it is described in task 2.',
    ]);
  });
});
