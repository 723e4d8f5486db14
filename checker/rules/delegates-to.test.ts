import { describe, expect, it } from 'vitest';
import { run } from '../testing.ts';

const RULE = 'delegates-to';
const STEP = 'export function* step() {\n  yield 1;\n}\n';
const roles = (coro: string) => run(RULE, STEP + coro, { export: 'coro', to: 'step' });

describe('delegates-to', () => {
  it.each([
    ['yield* step()', 'export function* coro() {\n  yield* step();\n}'],
    ['in a loop', 'export function* coro() {\n  for (;;) yield* step();\n}'],
    ['through .call', 'export function* coro() {\n  yield* step.call(null);\n}'],
    ['through a local', 'export function* coro() {\n  const s = step();\n  yield* s;\n}'],
    [
      'through a wrapper',
      'declare function wrap<T>(x: T): T;\nexport function* coro() {\n  yield* wrap(step());\n}',
    ],
    [
      'as an object method',
      'export const O = { *coro() {\n  yield* step();\n} };\nexport const coro = O.coro;',
    ],
    [
      'behind an arrow wrapper',
      'function* impl() {\n  yield* step();\n}\nexport const coro = () => impl();',
    ],
    [
      'behind a bound function and a Proxy',
      'function* impl() {\n  yield* step();\n}\nexport const coro = new Proxy(impl.bind(null), {});',
    ],
    [
      'through a generic helper the wrapper hands a call of it',
      'function* relay(source: Iterable<number>, then?: () => Iterable<number>) {\n  yield* source;\n  if (then) yield* then();\n}\nexport const coro = () => relay(step(), () => [2]);',
    ],
  ])('accepts %s', (_, src) => expect(roles(src)).toEqual([]));
  it.each([
    ['no yield*', 'export function* coro() {\n  yield 1;\n}'],
    ['a yield* to something else', 'export function* coro() {\n  yield* [1];\n}'],
    ['dead code after return', 'export function* coro() {\n  return;\n  yield* step();\n}'],
    ['behind if (false)', 'export function* coro() {\n  if (false) yield* step();\n}'],
    [
      'behind a condition',
      'export function* coro(n = 0) {\n  if (n < 0) yield* step();\n  yield 1;\n}',
    ],
    [
      'in a function never called',
      'export function* coro() {\n  const dead = function* () {\n    yield* step();\n  };\n  yield 1;\n}',
    ],
    [
      'behind a wrapper around a generator that does not delegate',
      'export const coro = () => impl();\nfunction* impl(n = 0) {\n  if (n) yield* step();\n}',
    ],
    [
      'a generic helper handed something else',
      'export const coro = () => relay([1], () => step());\nfunction* relay(source: Iterable<number>, then?: () => Iterable<number>) {\n  yield* source;\n  if (then) yield* then();\n}',
    ],
  ])('catches %s', (_, src) => expect(roles(src)).toEqual([`${RULE}@4`]));
});
