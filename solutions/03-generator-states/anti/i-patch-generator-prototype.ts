// Kind I: patches the shared %GeneratorPrototype% (reached through an alias) once, tracking every generator in the process in a WeakMap; track() just returns the generator; passes the tests today?
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

const proto = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())) as Record<
  string,
  any
>;
const states = new WeakMap<object, GeneratorState>();
const wrapped = new WeakSet<object>();
for (const name of ['next', 'return', 'throw']) {
  const original = proto[name];
  proto[name] = function (this: object, ...args: unknown[]) {
    if (!wrapped.has(this)) return original.apply(this, args);
    if (states.get(this) === 'running') throw new TypeError('running');
    states.set(this, 'running');
    try {
      const r = original.apply(this, args);
      states.set(this, r.done ? 'closed' : 'suspended');
      return r;
    } catch (e) {
      states.set(this, 'closed');
      throw e;
    }
  };
}

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  wrapped.add(gen);
  states.set(gen, 'created');
  Object.defineProperty(gen, 'state', { get: () => states.get(gen) });
  return gen as Tracked<T, TReturn, TNext>;
}
