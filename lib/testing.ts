/**
 * Helpers the canonical tests share: probes that count the work a learner's code does, and the
 * small-heap child process of the memory tests. They hold no answers.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.ts';

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

export interface ChildResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Sums `file`'s export `name(...args)` in a child Node with a `heapMiB` old-space limit.
 * A lazy sequence finishes; one that builds an array of millions aborts (non-zero status or
 * signal). Judged by exit status, never by time or RSS of the shared test worker.
 */
export function sumInSmallHeap(
  file: string,
  name: string,
  args: number[],
  heapMiB = 48,
): ChildResult {
  const script = [
    `const ns = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    // A .ts file outside a "type": "module" package loads as CommonJS: its exports sit on default.
    `const mod = ${JSON.stringify(name)} in ns ? ns : ns.default;`,
    `let sum = 0;`,
    `for (const x of mod[${JSON.stringify(name)}](...${JSON.stringify(args)})) sum += x;`,
    `process.stdout.write(String(sum));`,
  ].join('\n');
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMiB}`, '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr.slice(-2000) };
}
