// the three methods built from a small table of method names, a finally-based state update
export type GeneratorState = 'created' | 'suspended' | 'running' | 'closed';

export interface Tracked<T, TReturn, TNext> extends Generator<T, TReturn, TNext> {
  readonly state: GeneratorState;
  [Symbol.iterator](): Tracked<T, TReturn, TNext>;
}

const METHODS = ['next', 'return', 'throw'] as const;

export function track<T, TReturn, TNext>(
  gen: Generator<T, TReturn, TNext>,
): Tracked<T, TReturn, TNext> {
  let state: GeneratorState = 'created';
  const out = {
    get state() {
      return state;
    },
    [Symbol.iterator]() {
      return out;
    },
  } as Tracked<T, TReturn, TNext>;
  for (const name of METHODS) {
    Object.defineProperty(out, name, {
      value(arg?: unknown) {
        if (state === 'running')
          throw new TypeError(`cannot call ${name}() on a running generator`);
        state = 'running';
        let done = true;
        try {
          const r = (gen[name] as (a?: unknown) => IteratorResult<T, TReturn>).call(
            gen,
            ...(arguments.length ? [arg] : []),
          );
          done = !!r.done;
          return r;
        } finally {
          state = done ? 'closed' : 'suspended';
        }
      },
    });
  }
  return out;
}
