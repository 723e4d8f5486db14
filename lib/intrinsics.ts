/**
 * Pristine references to the built-ins the canonical tests rely on, taken when this module loads:
 * lib/harden.ts (a vitest setup file) loads it before any learner module, so learner code that
 * later replaces a global or a method cannot change what the tests use. No side effects here:
 * tooling tests import it too.
 */
import { types } from 'node:util';

export const {
  create,
  defineProperty,
  freeze,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  isFrozen,
  hasOwn,
  setPrototypeOf,
} = Object;
export const { apply, get: reflectGet, ownKeys } = Reflect;
export const { isArray } = Array;
export const {
  isAsyncFunction,
  isDate,
  isGeneratorFunction,
  isGeneratorObject,
  isMap,
  isNativeError,
  isProxy,
  isRegExp,
  isSet,
} = types;

/** %GeneratorFunction.prototype%, %GeneratorPrototype% and their async twins, by the spec's names. */
export const GeneratorFunctionPrototype = getPrototypeOf(function* () {}) as object;
export const GeneratorPrototype = (GeneratorFunctionPrototype as { prototype: Generator })
  .prototype;
export const AsyncGeneratorFunctionPrototype = getPrototypeOf(async function* () {}) as object;
export const AsyncGeneratorPrototype = (
  AsyncGeneratorFunctionPrototype as { prototype: AsyncGenerator }
).prototype;
export const IteratorPrototype = getPrototypeOf(GeneratorPrototype) as object;
export const AsyncIteratorPrototype = getPrototypeOf(AsyncGeneratorPrototype) as object;

/** What `x instanceof F` asks for a function F that does not answer it itself. */
export const functionHasInstance = Function.prototype[Symbol.hasInstance];

/** The generator methods every real generator object answers with. */
export const GENERATOR_METHODS = freeze({
  next: GeneratorPrototype.next,
  return: GeneratorPrototype.return,
  throw: GeneratorPrototype.throw,
  iterator: (IteratorPrototype as Iterable<unknown>)[Symbol.iterator],
});
export const ASYNC_GENERATOR_METHODS = freeze({
  next: AsyncGeneratorPrototype.next,
  return: AsyncGeneratorPrototype.return,
  throw: AsyncGeneratorPrototype.throw,
  iterator: (AsyncIteratorPrototype as AsyncIterable<unknown>)[Symbol.asyncIterator],
});

/** The whole process's memory as the test process sees it, safe from a replaced process.memoryUsage. */
export const memoryUsage: () => NodeJS.MemoryUsage = process.memoryUsage.bind(process);

/** The runner's environment, read before lib/harden.ts hides it from learner code. */
export const RUNNER_ENV: Readonly<Record<string, string | undefined>> = freeze({
  ...process.env,
});

const NativeMap = Map;
const NativeSet = Set;
const NativeDate = Date;
const NativeRegExp = RegExp;
const NativeError = Error;
const mapGet = Map.prototype.get;
const mapSet = Map.prototype.set;
const mapForEach = Map.prototype.forEach;
const setAdd = Set.prototype.add;
const setForEach = Set.prototype.forEach;
const dateGetTime = Date.prototype.getTime;
const regExpSource = getOwnPropertyDescriptor(RegExp.prototype, 'source')!.get!;
const regExpFlags = getOwnPropertyDescriptor(RegExp.prototype, 'flags')!.get!;
const ErrorPrototypes = [
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
  AggregateError,
  Error,
].map((E) => E.prototype as object);

const MAX_DEPTH = 200;
const MAX_NODES = 1_000_000;

/**
 * A copy of `value` as plain data, made with the pristine built-ins above: arrays, objects with
 * Object.prototype, Maps, Sets, Dates, RegExps and errors of the built-in kinds; functions keep
 * their identity. What learner code hands back is compared as this copy, so a learner object
 * cannot answer a matcher itself (vitest trusts any `asymmetricMatch` method it finds), and a
 * getter or proxy is read once, here, not again during the comparison.
 */
export function plain(value: unknown): unknown {
  return copy(value, new NativeMap(), 0, { nodes: 0 });
}

function copy(
  value: unknown,
  seen: Map<object, unknown>,
  depth: number,
  budget: { nodes: number },
) {
  if (value === null || typeof value !== 'object') return value;
  const done = apply(mapGet, seen, [value]);
  if (done !== undefined) return done;
  budget.nodes += 1;
  if (depth > MAX_DEPTH || budget.nodes > MAX_NODES) {
    throw new TypeError('the value is too deep or too large to compare as plain data');
  }
  const inner = (v: unknown) => copy(v, seen, depth + 1, budget);
  const real = !isProxy(value);
  if (real && isMap(value)) {
    const out = new NativeMap();
    apply(mapSet, seen, [value, out]);
    apply(mapForEach, value, [
      (v: unknown, k: unknown) => apply(mapSet, out, [inner(k), inner(v)]),
    ]);
    return out;
  }
  if (real && isSet(value)) {
    const out = new NativeSet();
    apply(mapSet, seen, [value, out]);
    apply(setForEach, value, [(v: unknown) => apply(setAdd, out, [inner(v)])]);
    return out;
  }
  if (real && isDate(value)) return new NativeDate(apply(dateGetTime, value, []) as number);
  if (real && isRegExp(value)) {
    return new NativeRegExp(apply(regExpSource, value, []), apply(regExpFlags, value, []));
  }
  let out: Record<PropertyKey, unknown>;
  if (isArray(value)) {
    const length = reflectGet(value, 'length') as number;
    const arr: unknown[] = [];
    arr.length = length;
    out = arr as unknown as Record<PropertyKey, unknown>;
  } else if (real && isNativeError(value)) {
    let proto = getPrototypeOf(value);
    while (proto !== null && !ErrorPrototypes.includes(proto)) proto = getPrototypeOf(proto);
    // A real error object (vitest compares Object.prototype.toString) of the nearest built-in kind.
    out = setPrototypeOf(new NativeError(), proto ?? NativeError.prototype);
  } else {
    out = {};
  }
  apply(mapSet, seen, [value, out]);
  if (real && isNativeError(value)) {
    for (const key of ['name', 'message', 'cause', 'errors'] as const) {
      if (key in value && reflectGet(value, key) !== reflectGet(out, key)) {
        defineProperty(out, key, {
          value: inner(reflectGet(value, key)),
          writable: true,
          configurable: true,
        });
      }
    }
  }
  for (const key of ownKeys(value)) {
    if (isArray(value) && key === 'length') continue;
    const desc = getOwnPropertyDescriptor(value, key);
    if (!desc?.enumerable) continue;
    const v = reflectGet(value, key);
    // vitest lets any object with an asymmetricMatch method decide its own equality.
    const kept = key === 'asymmetricMatch' && typeof v === 'function' ? '[Function]' : inner(v);
    defineProperty(out, key, { value: kept, writable: true, enumerable: true, configurable: true });
  }
  return out;
}
