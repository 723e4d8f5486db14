import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'no-environment';

describe('no-environment', () => {
  it.each([
    ['import.meta.env', 'export const t = (import.meta as any).env;'],
    ['import.meta.vitest', 'export const t = (import.meta as any).vitest;'],
    ['a runner global', 'export const t = typeof expect;'],
    ['a runner global through globalThis', 'export const t = (globalThis as any).vi;'],
    ['a worker marker', "export const t = (globalThis as any)['__vitest_worker__'];"],
    ['the call stack', 'export const t = new Error().stack;'],
    [
      'a stack trace beside a stack of its own',
      'class T { stack = [] }\ntry { throw 0 } catch (e: any) { console.log(e.stack); }',
    ],
    ['a stack trace through a variable', 'const e = new TypeError();\nexport const t = e.stack;'],
    ['Error.captureStackTrace', 'export const t = Error.captureStackTrace;'],
    ['another runtime', 'export const t = Deno;'],
  ])('catches %s', (_, src) =>
    expect(run(RULE, src)).toEqual([`${RULE}@${src.split('\n').length}`]),
  );
  it.each([
    ['a local called it', 'for (const it of [[1]]) console.log(it);'],
    ['a parameter called test', 'export const f = (test: () => void) => test();'],
    ['a method called describe', 'const o = { describe: () => 1 };\no.describe();'],
    ['words in strings', "export const s = 'import.meta.env and vitest';"],
    [
      "a trampoline's own call stack",
      'interface Task { stack: unknown[] }\nexport const top = (t: Task) => t.stack[t.stack.length - 1];',
    ],
    ['a stack it assigns', 'const t: any = {};\nt.stack = [];\nexport const n = t.stack.length;'],
  ])('does not accuse %s', (_, src) => expect(run(RULE, src)).toEqual([]));
});
