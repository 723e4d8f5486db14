/**
 * Property tests for the canonical tests: `it.prop([arbitraries], { seed, numRuns })(name, body)`
 * runs `body` on random inputs with fast-check and, on a failure, shows the shrunk counterexample.
 *
 * Why not @fast-check/vitest: at import it walks every chain of vitest 4.1's `test` (skip.only.
 * concurrent...), which costs about 2.3 s per test file, most of a learner's re-run. This keeps its
 * call shape and its test names (`name (with seed=N)`), so reports and tools read both alike.
 * The seed is required: a grade must not depend on the day the tests ran.
 */
import fc from 'fast-check';
import { test as vitestTest } from 'vitest';

export { fc };

export interface PropParams {
  seed: number;
  numRuns: number;
}

type Values<A extends readonly fc.Arbitrary<unknown>[]> = {
  [K in keyof A]: A[K] extends fc.Arbitrary<infer T> ? T : never;
};

function prop<const A extends readonly fc.Arbitrary<unknown>[]>(
  arbitraries: A,
  params: PropParams,
) {
  return (name: string, body: (...values: Values<A>) => unknown, timeout?: number): void => {
    vitestTest(
      `${name} (with seed=${params.seed})`,
      async () => {
        // fast-check types each arity apart; the tuple's element types are checked above.
        const property = (
          fc.asyncProperty as unknown as (...args: unknown[]) => fc.IAsyncProperty<unknown[]>
        )(...arbitraries, async (...values: unknown[]) => {
          await body(...(values as Values<A>));
        });
        const run = await fc.check(property, { seed: params.seed, numRuns: params.numRuns });
        if (run.failed) throw failure(run);
      },
      timeout,
    );
  };
}

/**
 * The error a failed property test throws: the test's own error, its message led by the shrunk
 * counterexample, so the first line a runner shows says both what failed and for which input.
 * fast-check's own report leads with "Property failed after N tests", which says neither.
 */
function failure(run: fc.RunDetails<unknown[]>): unknown {
  const input = run.counterexample ? fc.stringify(run.counterexample) : '(no counterexample)';
  const where = `for ${input} (seed ${run.seed}, path "${run.counterexamplePath ?? ''}")`;
  const error = run.errorInstance;
  if (error instanceof Error) {
    try {
      error.message = `${where}: ${error.message}`;
      return error;
    } catch {
      // A frozen error: say the same on a new one.
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  return new Error(`${where}: ${text}`, { cause: error });
}

/** `it.prop(...)`: a property test, named like a test, reported like one. */
export const it = { prop };
/** The same, for suites that say `test`. */
export const test = it;
