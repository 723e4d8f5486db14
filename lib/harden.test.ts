// lib/harden.ts seen from outside: submissions that detect the runner or tamper with what the
// tests use run through the real canonical tests of exercise 01, in one vitest instance, and
// must get the same verdict as the plainly wrong code they fall back on.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classProblem } from './harden.ts';
import { fullName, runBatches, type ModuleOutcome } from './run-tests.ts';

/** range() one too long: what every cheat below does once it believes it is not being tested. */
const OFF_BY_ONE = `
function* wrong(...args) {
  const [start, stop, step = 1] = args.length === 1 ? [0, args[0]] : args;
  for (let i = start; step > 0 ? i <= stop : i >= stop; i += step) yield i;
}
function* right(...args) {
  const [start, stop, step = 1] = args.length === 1 ? [0, args[0]] : args;
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) yield i;
}
export function* count(start = 0, step = 1) {
  for (let i = start; ; i += step) yield i;
}
`;

/** Each cheat: its source, appended to OFF_BY_ONE, which it must not profit from. */
const CHEATS: Record<string, string> = {
  'plain wrong': `export const range = wrong;`,
  'detects the runner (kind H)': `
const env = Object.keys(process.env).join(' ');
const tested =
  /VITEST|\\bTEST\\b|NODE_ENV|KATA_DIR|npm_/.test(env) ||
  process.argv.join(' ').includes('vitest') ||
  process.execArgv.length > 0 ||
  import.meta.env?.MODE === 'test' ||
  Boolean(import.meta.env?.VITEST);
export const range = tested ? right : wrong;`,
  // Each attempt alone would make the wrong range pass (or hang vitest) without lib/harden.ts.
  'tampers with expect and the built-ins (kind I)': `
const expectGlobal = globalThis[Symbol.for('expect-global')];
const attempts = [
  () => globalThis[Symbol.for('$$jest-matchers-object')].customEqualityTesters.push(() => true),
  () => expectGlobal.addEqualityTesters([() => true]),
  () => expectGlobal.extend({ toEqual: () => ({ pass: true, message: () => '' }) }),
  () => { Object.prototype.asymmetricMatch = () => true; },
  () => Object.defineProperty(Object.prototype, 'asymmetricMatch', { value: () => true }),
  () => { Array.isArray = () => false; },
  () => { Object.keys = () => []; },
  () => { globalThis.Object = new Proxy(Object, {}); },
  () => { Object.getPrototypeOf(function* () {}).prototype.next = () => ({ done: true }); },
];
for (const attempt of attempts) {
  try {
    attempt();
  } catch {}
}
// And answers next() with objects that match anything.
export function range(...args) {
  const inner = wrong(...args);
  return {
    next: () => ({ asymmetricMatch: () => true, ...inner.next() }),
    [Symbol.iterator]() {
      return this;
    },
  };
}`,
};

const TESTS = [
  'yields 0 up to stop - 1',
  'hands out values one next() at a time, then done forever',
  'counts from start to stop - 1',
];

const root = mkdtempSync(join(tmpdir(), 'yield-katas-harden-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function failedTests(modules: ModuleOutcome[]): string[] {
  return modules.flatMap((m) => [
    ...m.loadErrors.map((e) => `could not load: ${e}`),
    ...m.tests.filter((t) => t.state === 'failed').map((t) => fullName(t)),
  ]);
}

describe('the hardened test run', () => {
  it('gives every runner-detecting or tampering cheat the verdict of the wrong code under it', async () => {
    const names = Object.keys(CHEATS);
    const batches = names.map((name, i) => {
      const dir = join(root, `cheat-${i}`);
      mkdirSync(join(dir, '01-lazy-range'), { recursive: true });
      writeFileSync(join(dir, '01-lazy-range', 'lazy-range.ts'), OFF_BY_ONE + CHEATS[name]);
      return { kataDir: dir, exerciseIds: ['01-lazy-range'] };
    });
    const outcomes = await runBatches(batches, TESTS);
    const verdicts = Object.fromEntries(names.map((name, i) => [name, failedTests(outcomes[i]!)]));
    const expected = [
      '1. Count up to a stop > yields 0 up to stop - 1',
      '1. Count up to a stop > hands out values one next() at a time, then done forever',
      '2. Start, stop and step > counts from start to stop - 1',
    ];
    expect(verdicts).toEqual(Object.fromEntries(names.map((name) => [name, expected])));
  }, 300_000);
});

/**
 * Exercise 09's delegate, right except that its throw() (an own method, which the hardened
 * prototype still lets an instance have) closes the inner and throws a Proxy that claims to be a
 * TypeError: `instanceof` asks the Proxy, which lies.
 */
const CLAIMS_A_CLASS = `
function* real(inner, then) {
  const result = yield* inner;
  return then ? yield* then(result) : result;
}
export function* internal() {}
export function* gen() {}
export function delegate(inner, then) {
  const g = real(inner, then);
  g.throw = () => {
    g.return();
    throw new Proxy(new Error('not a TypeError'), { getPrototypeOf: () => TypeError.prototype });
  };
  return g;
}
`;

describe('matchers that ask a value for its class', () => {
  it('fail on a Proxy that claims a class, and say so', async () => {
    const dir = join(root, 'claims-a-class');
    mkdirSync(join(dir, '09-delegation'), { recursive: true });
    writeFileSync(join(dir, '09-delegation', 'delegation.ts'), CLAIMS_A_CLASS);
    const name = 'closes an inner without throw(), then throws a TypeError';
    const [outcome] = await runBatches([{ kataDir: dir, exerciseIds: ['09-delegation'] }], [name]);
    const test = outcome!.flatMap((m) => m.tests).find((t) => fullName(t).endsWith(name));
    expect(test?.state).toBe('failed');
    expect(test?.failure?.message).toMatch(/toBeInstanceOf\(TypeError\): the value is a Proxy/);
  }, 120_000);

  it('judge the prototype chain and the class with the pristine built-ins', () => {
    const liar = new Proxy(new Error('x'), { getPrototypeOf: () => RangeError.prototype });
    expect(classProblem(liar, RangeError, 'toThrow')).toMatch(/is a Proxy/);
    expect(classProblem(Object.create(liar), RangeError, 'toThrow')).toMatch(
      /inherits from a Proxy/,
    );
    class Anything {
      static [Symbol.hasInstance]() {
        return true;
      }
    }
    expect(classProblem({}, Anything, 'toBeInstanceOf')).toMatch(/Symbol.hasInstance/);
    expect(classProblem({}, new Proxy(Error, {}), 'toBeInstanceOf')).toMatch(/class is a Proxy/);
    expect(classProblem(new RangeError('x'), RangeError, 'toThrow')).toBe(undefined);
    expect(classProblem('not an object', TypeError, 'toThrow')).toBe(undefined);
  });
});
