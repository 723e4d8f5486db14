import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const eager = (body: string, siblings?: Record<string, string>) =>
  run(
    'no-eager-collection',
    `export function* range(n: number, it: Iterable<number>, ...args: number[]) {\n${body}\n}`,
    { export: 'range' },
    { siblings },
  );
const RULE = 'no-eager-collection';
const LOOP = 'for (const x of it) ';

describe('no-eager-collection', () => {
  describe('catches what drains an iterable or allocates with the input', () => {
    it.each([
      ['a spread into an array', 'yield* [...it];'],
      ['a spread into a call', 'yield Math.max(...it);'],
      ['Array.from', 'yield* Array.from({ length: n }, (_, i) => i);'],
      ['Array.from passed around', 'const f = Array.from;'],
      ["Array['from']", "yield* Array['from'](it);"],
      ['globalThis.Array.from', 'yield* globalThis.Array.from(it);'],
      ['new Array(n)', 'const a = new Array(n);'],
      ['Array(n)', 'const a = Array(n);'],
      ['a typed array of n', 'const a = new Float64Array(n);'],
      ['a typed array of a huge literal size', 'const a = new Float64Array(50_000_000);'],
      ['a typed array from an iterable', 'const a = Float64Array.from(it);'],
      ['toArray', 'yield* (it as any).toArray();'],
      ['new Set(iterable)', 'yield* new Set(it);'],
      ['new Map(entries)', 'const m = new Map(args.map((a) => [a, a]));'],
      ['Object.fromEntries', 'const o = Object.fromEntries(it as any);'],
      ['a string of length n', "for (const c of 'x'.repeat(n)) yield c.length;"],
      ['yield* over a mapped array', 'declare const xs: number[];\nyield* xs.map((x) => x * 2);'],
      [
        'for-of over a split string',
        "declare const s: string;\nfor (const c of s.split(',')) yield c;",
      ],
      ['for-of over Object.keys', 'for (const k of Object.keys({ a: 1 })) yield k.length;'],
      ['push taken off its array', 'const a: number[] = [];\nconst add = a.push.bind(a);'],
    ])('%s', (_, body) => {
      expect(eager(body).filter((s) => s.startsWith(RULE)).length).toBeGreaterThan(0);
    });
  });

  describe('catches writes repeated with the input, however spelled', () => {
    it.each([
      ['push', `const a: number[] = [];\n${LOOP}a.push(x);`],
      ['unshift', `const a: number[] = [];\n${LOOP}a.unshift(x);`],
      ['splice', `const a: number[] = [];\n${LOOP}a.splice(0, 0, x);`],
      ['a write by index', `const a: number[] = [];\nlet i = 0;\n${LOOP}a[i++] = x;`],
      ['a write at the end', `const a: number[] = [];\n${LOOP}a[a.length] = x;`],
      ['a typed array by index', `const a = new Int32Array(8);\nlet i = 0;\n${LOOP}a[i++] = x;`],
      ['object keys', `const o: Record<number, true> = {};\n${LOOP}o[x] = true;`],
      ['a Map', `const m = new Map<number, number>();\n${LOOP}m.set(x, x);`],
      ['a Set, even one only consulted', `const s = new Set<number>();\n${LOOP}s.add(x);`],
      ['a string with +=', `let s = '';\n${LOOP}s += x + ',';\nyield s.length;`],
      ['a string joined onto itself', 'let s = "";\n' + LOOP + 's = `${s}${x},`;\nyield s;'],
      ['concat assigned back', `let a: number[] = [];\n${LOOP}a = a.concat([x]);`],
      ['a spread object', `let o = {};\n${LOOP}o = { ...o, [x]: x };`],
      [
        'Reflect.apply of Array.prototype.push',
        `const a: number[] = [];\n${LOOP}Reflect.apply(Array.prototype.push, a, [x]);`,
      ],
      ['push.call', `const a: number[] = [];\n${LOOP}Array.prototype.push.call(a, x);`],
      ['Reflect.set', `const a: number[] = [];\nlet i = 0;\n${LOOP}Reflect.set(a, i++, x);`],
      ['a forEach callback', 'const a: number[] = [];\nargs.forEach((x) => a.push(x));'],
      [
        'a helper called in a loop',
        `const a: number[] = [];\nconst keep = (x: number) => a.push(x);\n${LOOP}keep(x);`,
      ],
      [
        'a fill-then-drain queue',
        `const q: number[] = [];\n${LOOP}q.push(x);\nwhile (q.length) yield q.shift();`,
      ],
      [
        'a buffer that keeps growing while yielding',
        `const seen: number[] = [];\n${LOOP}{\n  seen.push(x);\n  yield x;\n}`,
      ],
    ])('%s', (_, body) => {
      expect(eager(body).filter((s) => s.startsWith(RULE)).length).toBeGreaterThan(0);
    });
    it('a string whose type only the type checker knows', () => {
      const src = `function label(x: number) {\n  return 'n' + x;\n}\nexport function* range(it: Iterable<number>) {\n  let s = label(0);\n  for (const x of it) s += x;\n  yield* s.split('n');\n}`;
      expect(run(RULE, src, { export: 'range' })).toContain(`${RULE}@6`);
    });
    it('an array built by a helper the export uses, even in a sibling file', () => {
      const local = run(
        RULE,
        'function all(n: number) {\n  return Array.from({ length: n });\n}\nexport function* range(n: number) {\n  yield* all(n);\n}',
        { export: 'range' },
      );
      expect(local).toEqual([`${RULE}@2`]);
      const siblings = { 'helpers.ts': 'export const all = (n: number) => [...Array(n).keys()];' };
      const far = run(
        RULE,
        "import { all } from './helpers';\nexport function* range(n: number) {\n  yield* all.call(null, n);\n}",
        { export: 'range' },
        { siblings },
      );
      expect(far.length).toBeGreaterThan(0);
    });
    it("in an iterator's next(), which runs once per value", () => {
      const src =
        'export class Range {\n  items: number[] = [];\n  next() {\n    this.items.push(1);\n    return { done: false, value: 1 };\n  }\n}';
      expect(run(RULE, src, { export: 'Range' })).toEqual([`${RULE}@4`]);
    });
    it('in a closure handed back by a factory', () => {
      const src =
        'function recorder() {\n  const kept: Record<string, number> = {};\n  let n = 0;\n  return (x: number) => (kept[n++] = x);\n}\nexport function* range(it: Iterable<number>) {\n  const keep = recorder();\n  for (const x of it) yield keep(x);\n}';
      expect(run(RULE, src, { export: 'range' })).toEqual([`${RULE}@4`]);
    });
    it('in a recursion', () => {
      const src =
        'const out: number[] = [];\nfunction walk(n: number): void {\n  out.push(n);\n  if (n) walk(n - 1);\n}\nexport function* range(n: number) {\n  walk(n);\n  yield* out;\n}';
      expect(run(RULE, src, { export: 'range' })).toContain(`${RULE}@3`);
    });
  });

  describe('does not accuse', () => {
    it.each([
      ['a destructured tuple', 'const [a, b] = n > 0 ? [0, n] : [n, 0];\nyield a + b;'],
      ['a swap', 'let a = 0, b = 1;\n[a, b] = [b, a + b];\nyield a;'],
      ['a yielded pair', 'let i = 0;\nfor (const x of it) yield [i++, x];'],
      ['an argument tuple', 'const call = [0, ...args];\nyield call.length;'],
      ['a fixed literal delegated to', 'yield* [1, 2, 3];'],
      ['Array.of with fixed values', 'yield* Array.of(1, 2);'],
      ['Array.from of a fixed length', 'yield* Array.from({ length: 3 }, (_, i) => i);'],
      ['an empty array never filled', 'const none: number[] = [];\nyield none.length;'],
      [
        'a two-entry lookup Map',
        "const names = new Map([[1, 'one'], [2, 'two']]);\nyield names.size;",
      ],
      ['an empty Map or Set', 'const m = new Map();\nyield m.size;'],
      ['a small typed array', 'const pair = new Int32Array(2);\nyield pair.length;'],
      ['a push outside any loop', 'const pair: number[] = [];\npair.push(n);\nyield pair[0];'],
      [
        'a table with fixed keys in a loop',
        `const t = new Map<string, number>();\n${LOOP}t.set('last', x);\nyield t.size;`,
      ],
      ['a running sum', `let sum = 0;\n${LOOP}{\n  sum += x;\n  yield sum;\n}`],
      [
        'a number whose type only the checker knows',
        `let sum = Number(n);\n${LOOP}sum += x;\nyield sum;`,
      ],
      [
        'string .concat in a message',
        "if (n < 0) throw new RangeError('bad n: '.concat(String(n)));\nyield n;",
      ],
      [
        'a message string built in a loop',
        `let msg = 'values:';\n${LOOP}msg += ' ' + x;\nif (n < 0) throw new Error(msg);\nyield n;`,
      ],
      [
        'a stack that shrinks in the loop that grows it',
        'const stack: Iterator<number>[] = [it[Symbol.iterator]()];\nwhile (stack.length) {\n  const r = stack[stack.length - 1]!.next();\n  if (r.done) {\n    stack.pop();\n    continue;\n  }\n  if (r.value > 0) stack.push([r.value - 1][Symbol.iterator]());\n  yield r.value;\n}',
      ],
      [
        'a sliding window',
        `const w: number[] = [];\n${LOOP}{\n  w.push(x);\n  if (w.length > 3) w.shift();\n  yield w[0];\n}`,
      ],
      [
        'a ring buffer',
        `const ring = [0, 0, 0];\nlet i = 0;\n${LOOP}ring[i++ % 3] = x;\nyield ring[0];`,
      ],
      [
        'a call to a function of its own named map',
        'function* map(xs: Iterable<number>) {\n  yield* xs;\n}\nyield* map(it);',
      ],
      [
        'words in comments and strings',
        '// Array.from(it) and [...it] and a.push(x)\nyield "Array.from([...it]).push(1)".length;',
      ],
      [
        'a method named like a builder on its own object',
        'const me = { from: (x: number) => x };\nyield me.from(1);',
      ],
      [
        'state on an object',
        `const st = { count: 0 };\n${LOOP}st.count = st.count + x;\nyield st.count;`,
      ],
    ])('%s', (_, body) => expect(eager(body)).toEqual([]));

    it('arrays outside the export and the helpers it uses', () => {
      const src =
        'export const table = Array.from({ length: 3 });\nexport function* range(n: number) {\n  yield n;\n}';
      expect(run(RULE, src, { export: 'range' })).toEqual([]);
    });
  });

  it('reports an export it cannot follow as unverifiable, a missing one as missing', () => {
    expect(
      run(RULE, 'declare const f: any;\nexport const range = f([...[1]]);', { export: 'range' }),
    ).toEqual(['unverifiable@2']);
    expect(run(RULE, 'export const x = 1;', { export: 'range' })).toEqual([`${RULE}@1`]);
  });
});
