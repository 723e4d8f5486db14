/**
 * A vitest setup file (TEST_OPTIONS.setupFiles). Before an exercise's test file loads the
 * learner's module, it puts what the tests conclude from out of that module's reach:
 *
 * - expect: the equality matchers compare a plain-data copy of the actual value (an object with
 *   its own `asymmetricMatch` earns nothing); matchers, custom equality testers and the global
 *   expect are frozen, so `expect.extend` or `addEqualityTesters` from learner code throws.
 * - the built-ins the tests and vitest use are frozen and their globals locked: Object, Array,
 *   Function, the generator and iterator prototypes, Promise, Symbol, Reflect, JSON, Map, Set...
 *   Like SES's lockdown, a few inherited methods stay overridable on instances (`obj.toString =`),
 *   so honest code that assigns them still works. Date and timers stay replaceable for
 *   `vi.useFakeTimers()`.
 * - the runner's markers (VITEST*, TEST, NODE_ENV, MODE, KATA_DIR, npm_*, the command line) are
 *   hidden, so learner code sees the same environment as under plain `node`, and cannot choose to
 *   behave only while tested.
 *
 * The tooling's own tests are left alone: only test files under exercises/ are hardened.
 */
import { chai, expect } from 'vitest';
import {
  apply,
  ASYNC_GENERATOR_METHODS,
  AsyncGeneratorFunctionPrototype,
  AsyncGeneratorPrototype,
  AsyncIteratorPrototype,
  defineProperty,
  freeze,
  functionHasInstance,
  GENERATOR_METHODS,
  GeneratorFunctionPrototype,
  GeneratorPrototype,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  hasOwn,
  isFrozen,
  isProxy,
  IteratorPrototype,
  ownKeys,
  plain,
  reflectGet,
} from './intrinsics.ts';

/** Environment variables that only a test run sets. */
export const RUNNER_MARKERS =
  /^(VITEST.*|VITE_.*|TEST|NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|KATA_DIR|npm_.*)$/;

const EXERCISE_TEST = /[\\/]exercises[\\/][^\\/]+[\\/][^\\/]+\.test\.ts$/;

/** Removes the runner's traces from process.env, argv and execArgv. */
export function hideRunnerMarkers(): void {
  for (const key of Object.keys(process.env)) {
    if (RUNNER_MARKERS.test(key)) delete process.env[key];
  }
  process.argv = [process.argv[0]!];
  process.execArgv = [];
}

/** What vitest may compare as it is: anything but an object that could answer for itself. */
function trusted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return isProxy(value) || 'asymmetricMatch' in value ? plain(value) : value;
}

/**
 * Why `instanceof` cannot be trusted to say whether `value` is an instance of `Class`, or
 * undefined when it can: a Proxy (the value, the class, or anywhere in their prototype chains)
 * answers getPrototypeOf with whatever its trap likes, and a class with its own
 * `Symbol.hasInstance` answers instanceof itself. Judged with the built-ins as they were before
 * learner code loaded.
 */
export function classProblem(value: unknown, Class: unknown, matcher: string): string | undefined {
  const name = typeof Class === 'function' && !isProxy(Class) ? Class.name || 'the class' : 'it';
  const proxied = (start: unknown) => {
    let o = start;
    for (let hops = 0; hops < 1000 && o !== null; hops += 1) {
      if (typeof o !== 'object' && typeof o !== 'function') return undefined;
      if (isProxy(o)) return hops === 0 ? 'is a Proxy' : 'inherits from a Proxy';
      o = getPrototypeOf(o);
    }
    return undefined;
  };
  const inValue = proxied(value);
  if (inValue)
    return (
      `${matcher}(${name}): the value ${inValue}, which can claim any class. ` +
      `Hand back (or throw) the object itself, not a Proxy around it.`
    );
  if (typeof Class !== 'function') return undefined;
  const inClass = proxied(Class);
  if (inClass) return `${matcher}: the class ${inClass}, which can claim any instance.`;
  if (reflectGet(Class, Symbol.hasInstance) !== functionHasInstance)
    return (
      `${matcher}(${name}): the class answers instanceof itself (its own Symbol.hasInstance), ` +
      `so it cannot be trusted to. Remove that method.`
    );
  return undefined;
}

/** toBeInstanceOf: fails on a value or class that could lie about it, instead of asking them. */
function judgeClassesPristinely(): void {
  const { flag, overwriteMethod } = chai.util;
  overwriteMethod(
    chai.Assertion.prototype,
    'toBeInstanceOf',
    (original: (...args: unknown[]) => unknown) =>
      function (this: object, ...args: unknown[]) {
        const problem = classProblem(flag(this, 'object'), args[0], 'toBeInstanceOf');
        if (problem) throw new TypeError(problem);
        return original.apply(this, args);
      },
  );
}

/**
 * The equality matchers judge a plain-data copy of what learner code returned, and toThrow a
 * plain copy of what it threw when that could answer a matcher itself (an error keeps its class
 * otherwise, for `toThrow(RangeError)`). toThrow(Class) fails on a thrown value or a class that
 * could lie about instanceof (classProblem).
 */
function compareAsPlainData(): void {
  const { flag, overwriteMethod } = chai.util;
  for (const name of ['toEqual', 'toStrictEqual', 'toMatchObject', 'toContainEqual']) {
    overwriteMethod(
      chai.Assertion.prototype,
      name,
      (original: (...args: unknown[]) => unknown) =>
        function (this: object, ...args: unknown[]) {
          flag(this, 'object', plain(flag(this, 'object')));
          return original.apply(this, args);
        },
    );
  }
  for (const name of ['toThrow', 'toThrowError']) {
    overwriteMethod(
      chai.Assertion.prototype,
      name,
      (original: (...args: unknown[]) => unknown) =>
        function (this: object, ...args: unknown[]) {
          const actual: unknown = flag(this, 'object');
          const expected = args[0];
          const judge = (thrown: unknown) =>
            typeof expected === 'function' ? classProblem(thrown, expected, name) : undefined;
          let problem: string | undefined;
          if (typeof actual === 'function' && !flag(this, 'promise')) {
            flag(this, 'object', function (this: unknown, ...callArgs: unknown[]) {
              try {
                return apply(actual, this, callArgs);
              } catch (error) {
                problem = judge(error);
                throw trusted(error);
              }
            });
          } else {
            // After .rejects the object is the rejection reason itself.
            problem = judge(actual);
            if (problem) throw new TypeError(problem);
            flag(this, 'object', trusted(actual));
          }
          try {
            return original.apply(this, args);
          } finally {
            // Whatever the matcher concluded, it concluded it from a value that could lie.
            if (problem) throw new TypeError(problem);
          }
        },
    );
  }
}

function lockExpect(): void {
  const g = globalThis as Record<symbol, unknown>;
  const matchersObject = Symbol.for('$$jest-matchers-object');
  const shared = g[matchersObject] as { matchers: object; customEqualityTesters: unknown[] };
  freeze(shared.matchers);
  freeze(shared.customEqualityTesters);
  freeze(g[Symbol.for('asymmetric-matchers-object')]);
  for (const key of [
    matchersObject,
    Symbol.for('matchers-object'),
    Symbol.for('asymmetric-matchers-object'),
    Symbol.for('expect-global'),
  ]) {
    const desc = getOwnPropertyDescriptor(g, key);
    if (desc?.configurable) {
      defineProperty(g, key, { configurable: false, ...('value' in desc && { writable: false }) });
    }
  }
  freeze(expect);
  freeze(chai.Assertion.prototype);
  freeze(chai.Assertion);
}

/** Prototype properties that honest code may still shadow on its own objects by assignment. */
const OVERRIDABLE: [object, PropertyKey[] | '*'][] = [
  [Object.prototype, '*'],
  [Array.prototype, ['constructor', 'toString', 'push', 'concat']],
  [Function.prototype, ['constructor', 'bind', 'toString']],
  [Promise.prototype, ['constructor', 'then', 'catch', 'finally']],
  [IteratorPrototype, [Symbol.iterator, 'constructor']],
  [AsyncIteratorPrototype, [Symbol.asyncIterator]],
  [GeneratorPrototype, ['next', 'return', 'throw', 'constructor', Symbol.toStringTag]],
  [AsyncGeneratorPrototype, ['next', 'return', 'throw', 'constructor', Symbol.toStringTag]],
  [Map.prototype, ['constructor', 'toString']],
  [Set.prototype, ['constructor', 'toString']],
  ...[
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    ReferenceError,
    EvalError,
    URIError,
    AggregateError,
  ].map((E): [object, PropertyKey[]] => [
    E.prototype,
    ['constructor', 'name', 'message', 'toString'],
  ]),
];

/** Globals learner code may not replace (Date and the timers stay free for fake timers). */
const LOCKED_GLOBALS = [
  'Object',
  'Array',
  'Function',
  'Reflect',
  'JSON',
  'Math',
  'Symbol',
  'Promise',
  'Proxy',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Number',
  'String',
  'Boolean',
  'BigInt',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'Iterator',
  'globalThis',
];

function lockBuiltIns(): void {
  for (const [proto, keys] of OVERRIDABLE) {
    for (const key of keys === '*' ? ownKeys(proto) : keys) overridable(proto, key);
  }
  const g = globalThis as Record<string, unknown>;
  const frozen: unknown[] = [
    GeneratorFunctionPrototype,
    getOwnPropertyDescriptor(GeneratorFunctionPrototype, 'constructor')?.value,
    GeneratorPrototype,
    AsyncGeneratorFunctionPrototype,
    getOwnPropertyDescriptor(AsyncGeneratorFunctionPrototype, 'constructor')?.value,
    AsyncGeneratorPrototype,
    IteratorPrototype,
    AsyncIteratorPrototype,
    getPrototypeOf(async () => {}),
    getPrototypeOf([][Symbol.iterator]()),
    getPrototypeOf(new Map()[Symbol.iterator]()),
    getPrototypeOf(new Set()[Symbol.iterator]()),
    getPrototypeOf(''[Symbol.iterator]()),
    ...[
      'Object',
      'Array',
      'Function',
      'Promise',
      'Symbol',
      'Map',
      'Set',
      'WeakMap',
      'WeakSet',
      'Number',
      'String',
      'Boolean',
      'BigInt',
      'Iterator',
    ].flatMap((name) => [g[name], (g[name] as { prototype?: unknown } | undefined)?.prototype]),
    Reflect,
    JSON,
    Math,
    // Error constructors keep stackTraceLimit and prepareStackTrace writable for vitest.
    ...[
      Error,
      TypeError,
      RangeError,
      SyntaxError,
      ReferenceError,
      EvalError,
      URIError,
      AggregateError,
    ].map((E) => E.prototype),
  ];
  for (const object of frozen) if (object) freeze(object);
  for (const name of LOCKED_GLOBALS) {
    const desc = getOwnPropertyDescriptor(globalThis, name);
    if (desc?.configurable)
      defineProperty(globalThis, name, { configurable: false, writable: false });
  }
  defineProperty(process, 'memoryUsage', { configurable: false, writable: false });
  // Sanity: the methods the generator checks compare against are the ones in place.
  if (GeneratorPrototype.next !== GENERATOR_METHODS.next) throw new Error('harden: generator next');
  if (AsyncGeneratorPrototype.next !== ASYNC_GENERATOR_METHODS.next) {
    throw new Error('harden: async generator next');
  }
}

/**
 * Turns a data property of a built-in prototype into a getter and a setter, as SES does against
 * the "override mistake": once the prototype is frozen, `obj.toString = f` on an object that
 * inherits it would throw; with the setter it gives `obj` its own property, and only an
 * assignment to the prototype itself is refused.
 */
function overridable(proto: object, key: PropertyKey): void {
  const desc = getOwnPropertyDescriptor(proto, key);
  if (!desc || !('value' in desc) || !desc.configurable) return;
  const value: unknown = desc.value;
  defineProperty(proto, key, {
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === proto) {
        throw new TypeError(
          `Cannot assign to ${String(key)}: the built-in is frozen for the tests`,
        );
      }
      if (hasOwn(this, key)) (this as Record<PropertyKey, unknown>)[key] = next;
      else
        defineProperty(this, key, {
          value: next,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    },
    enumerable: desc.enumerable,
    configurable: false,
  });
}

if (EXERCISE_TEST.test(expect.getState().testPath ?? '')) {
  // vitest sets some markers again for each test file: hide them each time.
  hideRunnerMarkers();
  if (!isFrozen(GeneratorPrototype)) {
    compareAsPlainData();
    judgeClassesPristinely();
    lockExpect();
    lockBuiltIns();
  }
}
