/**
 * Helpers the canonical tests share: probes that count the work a learner's code does, checks
 * that an export is a real generator, and the memory watch of exercise 01. They hold no answers.
 */
import { expect } from 'vitest';
import {
  ASYNC_GENERATOR_METHODS,
  AsyncGeneratorPrototype,
  GENERATOR_METHODS,
  GeneratorPrototype,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  hasOwn,
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isProxy,
  memoryUsage,
  ownKeys,
  reflectGet,
} from './intrinsics.ts';

/** An iterable over `values` that counts how often its iterators are pulled and closed. */
export interface Spied<T> extends Iterable<T> {
  /** `next()` calls made on its iterators. */
  readonly pulls: number;
  /** `return()` calls made on its iterators. */
  readonly returns: number;
  /** `[Symbol.iterator]()` calls. */
  readonly opened: number;
}

/**
 * Wraps `source` (finite or infinite) so a test can assert exact pull and close counts.
 * @example const src = spied(count()); take(src, 3); expect(src.pulls).toBe(3);
 */
export function spied<T>(source: Iterable<T>): Spied<T> {
  const state = { pulls: 0, returns: 0, opened: 0 };
  return {
    get pulls() {
      return state.pulls;
    },
    get returns() {
      return state.returns;
    },
    get opened() {
      return state.opened;
    },
    [Symbol.iterator]() {
      state.opened += 1;
      const it = source[Symbol.iterator]();
      return {
        next() {
          state.pulls += 1;
          return it.next();
        },
        return(value?: unknown) {
          state.returns += 1;
          // Answer what the source answers, so tests can follow a return(v) through.
          return it.return?.(value) ?? { done: true as const, value: value as T };
        },
        [Symbol.iterator]() {
          return this;
        },
      };
    },
  };
}

/**
 * 0, 1, 2, ... for as long as a lazy caller wants. An eager caller that tries to read it all gets
 * an error after `max` values, so a wrong solution fails fast instead of hanging the test run.
 */
export function* naturals(max = 10_000_000): Generator<number, never> {
  for (let n = 0; n < max; n += 1) yield n;
  throw new Error(`read more than ${max} values of an endless source: something is eager`);
}

/**
 * A number that counts how often it is read: `range(probe(3))` read before the first `next()`
 * shows the body ran early. Typed as number so it fits any numeric parameter.
 */
export function probe(value: number): number & { readonly reads: number } {
  let reads = 0;
  return {
    valueOf() {
      reads += 1;
      return value;
    },
    get reads() {
      return reads;
    },
  } as unknown as number & { readonly reads: number };
}

/**
 * Every value of a finite iterable, like spread, but a test fails after `max` values instead of
 * filling the worker's heap when a wrong solution never stops.
 */
export function valuesOf<T>(iterable: Iterable<T>, max = 1_000): T[] {
  const out: T[] = [];
  for (const value of iterable) {
    if (out.length === max) throw new Error(`more than ${max} values: the sequence does not stop`);
    out.push(value);
  }
  return out;
}

/** Pulls at most `n` values with `next()`, without any learner helper. */
export function firstN<T>(iterable: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  const it = iterable[Symbol.iterator]();
  while (out.length < n) {
    const r = it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

/** Why `fn` is not a real generator function of the kind asked for, or undefined when it is. */
function generatorFunctionProblem(fn: unknown, async: boolean): string | undefined {
  const kind = async ? 'async function*' : 'function*';
  if (typeof fn !== 'function') return `is not a function`;
  if (isProxy(fn) || !isGeneratorFunction(fn) || isAsyncFunction(fn) !== async) {
    return `is not declared with ${kind} (a plain, bound or wrapped function does not count)`;
  }
  const desc = getOwnPropertyDescriptor(fn, 'prototype');
  const proto: unknown = desc && 'value' in desc ? desc.value : undefined;
  if (
    typeof proto !== 'object' ||
    proto === null ||
    isProxy(proto) ||
    getPrototypeOf(proto) !== (async ? AsyncGeneratorPrototype : GeneratorPrototype) ||
    ownKeys(proto).length > 0
  ) {
    return `has a prototype set by hand: leave the one ${kind} gives it`;
  }
  return undefined;
}

const PROTOCOL_KEYS: PropertyKey[] = [
  'next',
  'return',
  'throw',
  Symbol.iterator,
  Symbol.asyncIterator,
];

/** Why `value` is not a real generator object of the kind asked for, or undefined when it is. */
function generatorObjectProblem(value: unknown, async: boolean): string | undefined {
  const kind = async ? 'an async generator' : 'a generator';
  if (typeof value !== 'object' || value === null || isProxy(value) || !isGeneratorObject(value)) {
    return `is not ${kind} object: something that only looks like one`;
  }
  const builtIn = async ? AsyncGeneratorPrototype : GeneratorPrototype;
  let o: object | null = value;
  for (let hops = 0; o !== builtIn; hops += 1) {
    if (o === null || hops > 3 || isProxy(o)) {
      return `does not inherit the built-in methods of ${kind}`;
    }
    for (const key of PROTOCOL_KEYS) {
      if (hasOwn(o, key))
        return `has its own ${String(key)}: ${kind} answers with the built-in one`;
    }
    o = getPrototypeOf(o);
  }
  const methods = async ? ASYNC_GENERATOR_METHODS : GENERATOR_METHODS;
  if (reflectGet(builtIn, 'next') !== methods.next) return 'answers with a replaced next()';
  return undefined;
}

/**
 * Asserts that `fn` is itself a real generator function: declared with `function*` (a plain
 * function that returns a generator, an arrow wrapper, a bound function or a proxy is not), with
 * the prototype object it was born with. The canonical tests judge what a call gives instead
 * (expectRealGenerator), so that an honest wrapper passes; this is for where the shape matters.
 * @example expectGeneratorFunction(range, 'range');
 */
export function expectGeneratorFunction(fn: unknown, name: string): void {
  expect(generatorFunctionProblem(fn, false), `${name} is not a generator function`).toBe(
    undefined,
  );
}

/** Asserts that `fn` is a real `async function*`, as expectGeneratorFunction does for `function*`. */
export function expectAsyncGeneratorFunction(fn: unknown, name: string): void {
  expect(generatorFunctionProblem(fn, true), `${name} is not an async generator function`).toBe(
    undefined,
  );
}

/**
 * Asserts that `value` is a real generator object, made by calling a `function*`: not a proxy,
 * not an object that claims to be one (Symbol.toStringTag, a prototype set by hand), and with
 * next/return/throw/[Symbol.iterator] the built-in ones.
 */
export function expectGeneratorObject(value: unknown, name = 'the result'): void {
  expect(generatorObjectProblem(value, false), `${name} is not a real generator object`).toBe(
    undefined,
  );
}

/** Asserts that `value` is a real async generator object, as expectGeneratorObject does. */
export function expectAsyncGeneratorObject(value: unknown, name = 'the result'): void {
  expect(generatorObjectProblem(value, true), `${name} is not a real async generator object`).toBe(
    undefined,
  );
}

/**
 * Asserts that `value` is an iterator written by hand: not a generator object, not a proxy, and
 * its methods are not the built-in generator methods (nor those of an async generator). With
 * `proxy: true`, a Proxy whose handler supplies the methods counts as written by hand too (a
 * wrapper around a generator, as in exercise 03): what it hands out is what is judged.
 */
export function expectHandWrittenIterator(
  value: unknown,
  name = 'the result',
  { proxy = false }: { proxy?: boolean } = {},
): void {
  const problem = (() => {
    if (typeof value !== 'object' || value === null) return 'is not an object';
    if (!proxy && isProxy(value)) return 'is a proxy: write the object itself';
    if (isGeneratorObject(value)) return 'is a native generator: write the object by hand';
    const builtIns: unknown[] = [
      ...Object.values(GENERATOR_METHODS),
      ...Object.values(ASYNC_GENERATOR_METHODS),
    ];
    for (const key of ['next', 'return', 'throw'] as const) {
      if (builtIns.includes(reflectGet(value, key))) {
        return `takes its ${key}() from a native generator: write it by hand`;
      }
    }
    return undefined;
  })();
  expect(problem, `${name} is not a hand-written iterator`).toBe(undefined);
}

/**
 * Asserts that a generator's results are its own: `n` pulls give `n` fresh plain
 * `{ value, done }` objects, as `yield` makes them. A `function*` that only passes a hand-written
 * iterator's results through `yield*` shows itself here when those results are reused, carry
 * other keys, or come in another order or shape.
 */
export function expectOwnResults(iterator: Iterator<unknown>, n: number): void {
  const seen: unknown[] = [];
  for (let i = 0; i < n; i += 1) {
    const r: unknown = iterator.next();
    const problem =
      typeof r !== 'object' || r === null
        ? 'is not an object'
        : isProxy(r) || getPrototypeOf(r) !== Object.prototype
          ? 'is not a plain object'
          : seen.includes(r)
            ? 'is an object handed out before'
            : ownKeys(r).join() !== 'value,done' ||
                !['value', 'done'].every((k) => 'value' in getOwnPropertyDescriptor(r, k)!)
              ? 'is not { value, done } as yield makes it'
              : undefined;
    expect(problem, `result ${i + 1} of next()`).toBe(undefined);
    seen.push(r);
    if ((r as IteratorResult<unknown>).done) break;
  }
}

/** Where the memory watch of `sumWatchingMemory` ended. */
export interface MemoryWatch {
  /** The sum of the values pulled. */
  sum: number;
  /** Values pulled (fewer than asked when the sequence ended). */
  pulled: number;
  /** The highest rise, in MiB, of the memory this thread holds, above where it was at the start. */
  growthMiB: number;
}

/** The JS heap plus what lives outside it (typed arrays, buffers), for this thread. */
function heldBytes(): number {
  const m = memoryUsage();
  return m.heapUsed + m.external;
}

/**
 * Calls `start()` and pulls up to `pulls` numbers from what it returns, watching the memory this
 * thread holds: the JS heap and the memory outside it (typed arrays, buffers), so no way of
 * storing the sequence escapes. A lazy sequence stays within a few MiB, garbage included; one
 * that stores its values grows with them. Judged by a margin, never by time.
 */
export function sumWatchingMemory(start: () => Iterable<number>, pulls: number): MemoryWatch {
  const base = heldBytes();
  let peak = 0;
  const watch = () => {
    const rise = heldBytes() - base;
    if (rise > peak) peak = rise;
  };
  const iterable = start();
  watch();
  const it = iterable[Symbol.iterator]();
  let sum = 0;
  let pulled = 0;
  while (pulled < pulls) {
    const r = it.next();
    if (pulled === 0 || (pulled & 0xffff) === 0) watch();
    if (r.done) break;
    sum += r.value;
    pulled += 1;
  }
  watch();
  return { sum, pulled, growthMiB: peak / 2 ** 20 };
}

/**
 * The generator checks of one export in one test, on what can be observed at run time: each
 * `call()` (which calls `fn`) hands back a new, real generator object (brand-checked with the
 * built-ins as they were before learner code loaded: not a proxy, not an iterator written by
 * hand, with the built-in methods), and a second one yields its own results for `pulls` next()
 * calls. How `fn` is written is the learner's choice: a `function*`, an arrow or function that
 * returns the call of one, a bound function or a proxy around one all make real generators.
 * @example expectRealGenerator(take, 'take', () => take([1, 2, 3], 2));
 */
export function expectRealGenerator(
  fn: unknown,
  name: string,
  call: () => Iterator<unknown>,
  pulls = 3,
): void {
  expectOwnResults(expectFreshObjects(fn, name, call, false), pulls);
}

/** Asserts for an async generator what expectRealGenerator does: new, real objects per call. */
export function expectRealAsyncGenerator(
  fn: unknown,
  name: string,
  call: () => AsyncIterator<unknown>,
): void {
  expectFreshObjects(fn, name, call, true);
}

/**
 * The part both share: `fn` can be called, and two calls of it give two different real
 * (async) generator objects. Returns the second, which nothing has pulled yet.
 */
function expectFreshObjects<T>(fn: unknown, name: string, call: () => T, async: boolean): T {
  const kind = async ? 'async generator' : 'generator';
  if (typeof fn !== 'function') {
    expect.fail(
      `${name} is not a function (it is ${fn === null ? 'null' : typeof fn}): export the ${kind} ` +
        `function itself, or a function that returns a call of one.`,
    );
  }
  const check = async ? expectAsyncGeneratorObject : expectGeneratorObject;
  const first = call();
  check(first, `${name}(...)`);
  const second = call();
  check(second, `${name}(...)`);
  if (second === first) {
    expect.fail(
      `two calls of ${name} gave the same object: each call must make a new ${kind} object, ` +
        `so call the ${kind} function inside ${name} on every call, not once ahead.`,
    );
  }
  return second;
}
