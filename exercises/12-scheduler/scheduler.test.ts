import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  createScheduler,
  getTid,
  join,
  kill,
  KilledError,
  spawn,
  type Outcome,
  type Scheduler,
  type Task,
  type Tid,
} from './scheduler';

// A wrong scheduler can loop for ever inside run(), where vitest cannot time it out: run it under
// a vm timeout instead, which stops even a synchronous loop. 8 s is far beyond any right answer,
// even on a loaded machine.
const sandbox = createContext({ job: () => undefined as unknown });
function runBounded(s: Scheduler, ms = 8_000): Map<Tid, Outcome> {
  sandbox.job = () => s.run();
  try {
    return runInContext('job()', sandbox, { timeout: ms }) as Map<Tid, Outcome>;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new Error(`run() did not return within ${ms} ms: a task is resumed for ever`);
    throw error;
  }
}

/** A task that logs `<name><i>` and gives up its turn, `n` times, then returns `name`. */
function* ticker(name: string, n: number, log: string[]): Task<string> {
  for (let i = 0; i < n; i++) {
    log.push(`${name}${i}`);
    yield;
  }
  return name;
}

describe('1. Create a scheduler and take turns', () => {
  it('numbers tasks 1, 2, 3 in the order they are spawned', () => {
    const s = createScheduler();
    const log: string[] = [];
    expect([s.spawn(ticker('a', 1, log)), s.spawn(ticker('b', 1, log))]).toEqual([1, 2]);
    expect(s.spawn(ticker('c', 1, log))).toBe(3);
  });

  it('counts ids per scheduler, not across schedulers', () => {
    const log: string[] = [];
    const first = createScheduler();
    first.spawn(ticker('a', 1, log));
    first.spawn(ticker('b', 1, log));
    const second = createScheduler();
    expect(second.spawn(ticker('c', 1, log))).toBe(1);
    expect(first.spawn(ticker('d', 1, log))).toBe(3);
  });

  it('runs nothing before run()', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 2, log));
    expect(log).toEqual([]);
  });

  it('takes turns round-robin: a bare yield goes to the back of the queue', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 3, log));
    s.spawn(ticker('b', 2, log));
    s.spawn(ticker('c', 3, log));
    runBounded(s);
    expect(log).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'c2']);
  });

  it('runs a task that never yields to its end in one turn', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 2, log));
    s.spawn(
      (function* (): Task {
        log.push('b0', 'b1', 'b2');
      })(),
    );
    runBounded(s);
    expect(log).toEqual(['a0', 'b0', 'b1', 'b2', 'a1']);
  });

  it('sends undefined back for a bare yield', () => {
    const s = createScheduler();
    const got: unknown[] = [];
    s.spawn(
      (function* (): Task {
        got.push(yield);
        got.push(yield);
      })(),
    );
    runBounded(s);
    expect(got).toEqual([undefined, undefined]);
  });

  it('returns from run() once every task has ended', () => {
    const s = createScheduler();
    const log: string[] = [];
    for (const name of 'abcdefgh') s.spawn(ticker(name, 50, log));
    runBounded(s);
    expect(log.length).toBe(400);
    expect(log.slice(-8)).toEqual(['a49', 'b49', 'c49', 'd49', 'e49', 'f49', 'g49', 'h49']);
  });

  it('keeps the round-robin order with many tasks ready at once', () => {
    const s = createScheduler();
    const log: string[] = [];
    const names = Array.from({ length: 40 }, (_, k) => `c${k}-`);
    s.spawn(ticker('a', 3, log));
    s.spawn(
      (function* (): Task {
        for (const name of names) yield spawn(ticker(name, 2, log));
        log.push('p');
        yield;
        log.push('p again');
      })(),
    );
    runBounded(s);
    expect(log).toEqual([
      'a0',
      'p',
      'a1',
      ...names.map((n) => `${n}0`),
      'p again',
      'a2',
      ...names.map((n) => `${n}1`),
    ]);
  });

  it('refuses to spawn something that is not a generator, with a TypeError', () => {
    const s = createScheduler();
    expect(() => s.spawn((() => 1) as unknown as Task)).toThrow(TypeError);
    expect(() => s.spawn(null as unknown as Task)).toThrow(TypeError);
  });

  it('refuses an object that lacks one of next, throw and return, with a TypeError', () => {
    const s = createScheduler();
    const next = () => ({ done: true, value: undefined });
    for (const partial of [
      { next, throw: next },
      { next, return: next },
      { throw: next, return: next },
    ])
      expect(() => s.spawn(partial as unknown as Task)).toThrow(TypeError);
  });
});

describe('2. Report how each task ended', () => {
  it("answers every task's return value by id", () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 2, log));
    s.spawn(ticker('b', 1, log));
    const outcomes = runBounded(s);
    expect(outcomes).toBeInstanceOf(Map);
    expect([...outcomes.keys()].sort()).toEqual([1, 2]);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'a' });
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'b' });
  });

  it('marks a task that throws as failed, with its very error', () => {
    const s = createScheduler();
    const error = new Error('boom');
    s.spawn(
      (function* (): Task {
        yield;
        throw error;
      })(),
    );
    const outcome = runBounded(s).get(1);
    expect(outcome).toEqual({ state: 'failed', error });
    expect(outcome && 'error' in outcome && outcome.error).toBe(error);
  });

  it('lets the other tasks go on after one fails', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 3, log));
    s.spawn(
      (function* (): Task {
        log.push('x0');
        yield;
        throw new Error('x fails');
      })(),
    );
    s.spawn(ticker('c', 3, log));
    const outcomes = runBounded(s);
    expect(log).toEqual(['a0', 'x0', 'c0', 'a1', 'c1', 'a2', 'c2']);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'a' });
    expect(outcomes.get(2)?.state).toBe('failed');
    expect(outcomes.get(3)).toEqual({ state: 'done', value: 'c' });
  });

  it('marks a task that throws before its first yield as failed', () => {
    const s = createScheduler();
    s.spawn(
      (function* (): Task {
        throw new RangeError('at once');
      })(),
    );
    const outcome = runBounded(s).get(1);
    expect(outcome?.state).toBe('failed');
    expect(outcome && 'error' in outcome && outcome.error).toBeInstanceOf(RangeError);
  });

  it('throws a TypeError into a task that yields something that is not an effect', () => {
    const s = createScheduler();
    let caught: unknown;
    s.spawn(
      (function* (): Task {
        try {
          yield 42 as never;
        } catch (error) {
          caught = error;
        }
        return 'carried on';
      })(),
    );
    expect(runBounded(s).get(1)).toEqual({ state: 'done', value: 'carried on' });
    expect(caught).toBeInstanceOf(TypeError);
  });

  it('throws a TypeError into a task that yields null', () => {
    const s = createScheduler();
    s.spawn(
      (function* (): Task {
        try {
          yield null as never;
        } catch (error) {
          return (error as Error).constructor.name;
        }
      })(),
    );
    expect(runBounded(s).get(1)).toEqual({ state: 'done', value: 'TypeError' });
  });
});

describe('3. Ask the scheduler: getTid, spawn and kill', () => {
  it("getTid answers the task's own id, without ending its turn", () => {
    const s = createScheduler();
    const log: string[] = [];
    for (const name of ['a', 'b']) {
      s.spawn(
        (function* (): Task {
          const tid: Tid = yield getTid();
          log.push(`${name} is ${tid}`);
          yield;
          log.push(`${name} again ${yield getTid()}`);
        })(),
      );
    }
    runBounded(s);
    expect(log).toEqual(['a is 1', 'b is 2', 'a again 1', 'b again 2']);
  });

  it('spawn answers the child id and queues the child behind the tasks already ready', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        const child: Tid = yield spawn(ticker('c', 2, log));
        log.push(`p spawned ${child}`);
        yield;
        log.push('p1');
      })(),
    );
    s.spawn(ticker('b', 2, log));
    runBounded(s);
    expect(log).toEqual(['p spawned 3', 'b0', 'c0', 'p1', 'b1', 'c1']);
  });

  it('reports a spawned task in the outcomes of run()', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        yield spawn(ticker('c', 1, log));
        return 'parent';
      })(),
    );
    const outcomes = runBounded(s);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'parent' });
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'c' });
  });

  it('throws a TypeError into a task that spawns something that is not a generator', () => {
    const s = createScheduler();
    s.spawn(
      (function* (): Task {
        try {
          yield spawn('not a task' as never);
          return 'spawned';
        } catch (error) {
          return (error as Error).constructor.name;
        }
      })(),
    );
    expect(runBounded(s).get(1)).toEqual({ state: 'done', value: 'TypeError' });
  });

  it('kill closes the task with return(), running its finally before kill answers true', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        try {
          for (let i = 0; i < 1_000; i++) {
            log.push(`v${i}`);
            yield;
          }
        } finally {
          log.push('victim cleans up');
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield;
        const answer: boolean = yield kill(1);
        log.push(`kill answered ${answer}`);
      })(),
    );
    const outcomes = runBounded(s);
    expect(log).toEqual(['v0', 'v1', 'victim cleans up', 'kill answered true']);
    expect(outcomes.get(1)).toEqual({ state: 'killed' });
    expect(outcomes.get(2)?.state).toBe('done');
  });

  it('kill answers false for an unknown id or a task that has ended', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 1, log));
    s.spawn(
      (function* (): Task {
        yield;
        return [yield kill(99), yield kill(1)];
      })(),
    );
    expect(runBounded(s).get(2)).toEqual({ state: 'done', value: [false, false] });
  });

  it('a killed task never runs again, and the others go on', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 4, log));
    s.spawn(
      (function* (): Task {
        yield kill(1);
      })(),
    );
    s.spawn(ticker('c', 3, log));
    runBounded(s);
    expect(log).toEqual(['a0', 'c0', 'c1', 'c2']);
  });

  it('a task can kill itself: its finally runs and it ends killed', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        try {
          const me: Tid = yield getTid();
          yield kill(me);
          log.push('still running');
        } finally {
          log.push('finally');
        }
      })(),
    );
    expect(runBounded(s).get(1)).toEqual({ state: 'killed' });
    expect(log).toEqual(['finally']);
  });

  it('kill answers only once a finally that yields has run to its end', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        try {
          for (let i = 0; i < 1_000; i++) {
            log.push(`v${i}`);
            yield;
          }
        } finally {
          log.push('v cleans');
          yield;
          log.push('v still cleans');
          yield;
          log.push('v cleaned');
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield;
        log.push(`kill answered ${yield kill(1)}`);
      })(),
    );
    s.spawn(ticker('o', 3, log));
    const outcomes = runBounded(s);
    expect(log).toEqual([
      'v0',
      'o0',
      'v1',
      'v cleans',
      'o1',
      'v still cleans',
      'o2',
      'v cleaned',
      'kill answered true',
    ]);
    expect(outcomes.get(1)).toEqual({ state: 'killed' });
    expect(outcomes.get(2)?.state).toBe('done');
  });

  it('a second kill during that cleanup does not restart it: both answer true at its end', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        try {
          for (;;) yield;
        } finally {
          log.push('v cleans');
          yield;
          log.push('v cleaned');
        }
      })(),
    );
    for (const name of ['k', 'l']) {
      s.spawn(
        (function* (): Task {
          log.push(`${name}: kill answered ${yield kill(1)}`);
        })(),
      );
    }
    expect(runBounded(s).get(1)).toEqual({ state: 'killed' });
    expect(log).toEqual([
      'v cleans',
      'v cleaned',
      'k: kill answered true',
      'l: kill answered true',
    ]);
  });

  it('a killed task whose finally joins another waits for that join, not for its old turn', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        try {
          for (;;) yield;
        } finally {
          log.push(`v cleanup joined ${yield join(3)}`);
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        log.push(`kill answered ${yield kill(1)}`);
      })(),
    );
    s.spawn(ticker('t', 2, log));
    runBounded(s);
    expect(log).toEqual(['t0', 't1', 'v cleanup joined t', 'kill answered true']);
  });

  it('a killer killed while it waits is not answered by the kill it waited for', () => {
    const s = createScheduler();
    const got: unknown[] = [];
    s.spawn(
      (function* (): Task {
        try {
          for (;;) yield;
        } finally {
          yield;
          yield;
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        try {
          yield kill(1);
        } finally {
          for (let i = 0; i < 3; i++) got.push(yield);
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        return yield kill(2);
      })(),
    );
    const outcomes = runBounded(s);
    expect(got).toEqual([undefined, undefined, undefined]);
    expect([1, 2].map((tid) => outcomes.get(tid))).toEqual([
      { state: 'killed' },
      { state: 'killed' },
    ]);
    expect(outcomes.get(3)).toEqual({ state: 'done', value: true });
  });

  it('a task that kills itself finishes a finally that yields', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        try {
          yield kill(yield getTid());
        } finally {
          log.push('finally');
          yield;
          log.push('finally ends');
        }
      })(),
    );
    s.spawn(ticker('o', 2, log));
    expect(runBounded(s).get(1)).toEqual({ state: 'killed' });
    expect(log).toEqual(['finally', 'o0', 'finally ends', 'o1']);
  });
});

describe('4. Join a task', () => {
  it("answers the child's return value once it ends", () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        const child: Tid = yield spawn(ticker('c', 3, log));
        const value: unknown = yield join(child);
        log.push(`joined ${value}`);
        return value;
      })(),
    );
    const outcomes = runBounded(s);
    expect(log).toEqual(['c0', 'c1', 'c2', 'joined c']);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'c' });
  });

  it("rethrows the child's error into the joiner at the join", () => {
    const s = createScheduler();
    const error = new Error('child failed');
    let caught: unknown;
    s.spawn(
      (function* (): Task {
        const child: Tid = yield spawn(
          (function* (): Task {
            yield;
            throw error;
          })(),
        );
        try {
          yield join(child);
        } catch (e) {
          caught = e;
        }
        return 'parent survived';
      })(),
    );
    const outcomes = runBounded(s);
    expect(caught).toBe(error);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'parent survived' });
    expect(outcomes.get(2)).toEqual({ state: 'failed', error });
  });

  it('fails a joiner that does not catch the error', () => {
    const s = createScheduler();
    const error = new Error('passed on');
    s.spawn(
      (function* (): Task {
        throw error;
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield join(1);
      })(),
    );
    expect(runBounded(s).get(2)).toEqual({ state: 'failed', error });
  });

  it('answers at once, in the same turn, for a task that has ended', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('a', 1, log));
    s.spawn(
      (function* (): Task {
        yield;
        log.push(`joined ${yield join(1)}`);
        log.push('same turn');
      })(),
    );
    s.spawn(ticker('c', 2, log));
    runBounded(s);
    expect(log).toEqual(['a0', 'c0', 'joined a', 'same turn', 'c1']);
  });

  it('wakes several joiners in the order they joined', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('t', 3, log));
    for (const name of ['x', 'y', 'z']) {
      s.spawn(
        (function* (): Task {
          log.push(`${name} waits`);
          const value: unknown = yield join(1);
          log.push(`${name} got ${value}`);
        })(),
      );
    }
    runBounded(s);
    expect(log).toEqual([
      't0',
      'x waits',
      'y waits',
      'z waits',
      't1',
      't2',
      'x got t',
      'y got t',
      'z got t',
    ]);
  });

  it('wakes the joiners of a killed task at once, with a KilledError', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('t', 10, log));
    s.spawn(
      (function* (): Task {
        try {
          yield join(1);
        } catch (error) {
          log.push(`joiner: ${(error as Error).name} ${(error as KilledError).tid}`);
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield kill(1);
        log.push('killer goes on');
        yield;
        log.push('killer again');
      })(),
    );
    runBounded(s);
    expect(log).toEqual(['t0', 'killer goes on', 'joiner: KilledError 1', 'killer again']);
  });

  it('takes a killed joiner off the wait: it is never woken', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(ticker('t', 3, log));
    s.spawn(
      (function* (): Task {
        try {
          yield join(1);
          log.push('woken after its death');
        } finally {
          log.push('joiner closed');
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield kill(2);
      })(),
    );
    const outcomes = runBounded(s);
    expect(log).toEqual(['t0', 'joiner closed', 't1', 't2']);
    expect(outcomes.get(2)).toEqual({ state: 'killed' });
  });

  it('a killed joiner is not woken by the end of the task it joined, even while its finally yields', () => {
    const s = createScheduler();
    const log: string[] = [];
    s.spawn(
      (function* (): Task {
        yield;
        throw new Error('t fails');
      })(),
    );
    s.spawn(
      (function* (): Task {
        try {
          yield join(1);
        } finally {
          log.push('j cleans');
          yield;
          log.push('j cleaned');
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        log.push(`kill answered ${yield kill(2)}`);
      })(),
    );
    const outcomes = runBounded(s);
    expect(log).toEqual(['j cleans', 'j cleaned', 'kill answered true']);
    expect(outcomes.get(1)?.state).toBe('failed');
    expect(outcomes.get(2)).toEqual({ state: 'killed' });
  });

  it('throws a RangeError into a task that joins an unknown id', () => {
    const s = createScheduler();
    s.spawn(
      (function* (): Task {
        try {
          yield join(42);
        } catch (error) {
          return (error as Error).constructor.name;
        }
      })(),
    );
    expect(runBounded(s).get(1)).toEqual({ state: 'done', value: 'RangeError' });
  });
});
