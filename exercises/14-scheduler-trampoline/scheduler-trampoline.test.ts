import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  channel,
  CLOSED,
  close,
  createScheduler,
  DeadlockError,
  getTid,
  join,
  kill,
  now,
  put,
  sleep,
  spawn,
  take,
  type Outcome,
  type Scheduler,
  type Task,
  type Tid,
} from './scheduler-trampoline';

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

/** Spawns each body on a new scheduler, runs it, and answers the outcomes. */
function runAll(...bodies: Task[]): Map<Tid, Outcome> {
  const s = createScheduler();
  for (const body of bodies) s.spawn(body);
  return runBounded(s);
}

/** A task that logs `<name><i>` and gives up its turn, `n` times, then returns `name`. */
function* ticker(name: string, n: number, log: string[]): Task<string> {
  for (let i = 0; i < n; i++) {
    log.push(`${name}${i}`);
    yield;
  }
  return name;
}

/** Gives up its turn up to 1,000 times (long enough for any test), logging `name` when closed. */
function* looper(name: string, log: string[]): Task {
  try {
    for (let i = 0; i < 1_000; i++) yield;
  } finally {
    log.push(name);
  }
}

/** A subroutine: recursion `n` deep through the scheduler, answering `n`. */
function* depth(n: number): Task<number> {
  if (n === 0) return 0;
  const below: number = yield depth(n - 1);
  return below + 1;
}

describe('1. Bring your scheduler from exercise 13', () => {
  it('keeps round-robin turns, ids, join and kill', () => {
    const log: string[] = [];
    const outcomes = runAll(
      ticker('a', 2, log),
      (function* (): Task {
        const me: Tid = yield getTid();
        const child: Tid = yield spawn(ticker('c', 2, log));
        log.push(`b${me}`);
        return yield join(child);
      })(),
    );
    expect(log).toEqual(['a0', 'b2', 'a1', 'c0', 'c1']);
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'c' });
  });

  it('keeps the virtual clock and channels', () => {
    const ch = channel<number>(1);
    const got: unknown[] = [];
    runAll(
      (function* (): Task {
        yield sleep(10);
        yield put(ch, 1);
        yield close(ch);
      })(),
      (function* (): Task {
        got.push(yield take(ch), yield now(), yield take(ch));
      })(),
    );
    expect(got).toEqual([1, 10, CLOSED]);
  });

  it('keeps the deadlock report', () => {
    const ch = channel();
    expect(() =>
      runAll(
        (function* (): Task {
          yield take(ch);
        })(),
      ),
    ).toThrow(DeadlockError);
  });
});

describe('2. Call a subroutine by yielding it', () => {
  it("resumes the caller with the subroutine's return value", () => {
    function* double(x: number): Task<number> {
      yield;
      return x * 2;
    }
    const outcomes = runAll(
      (function* (): Task {
        const a: number = yield double(3);
        const b: number = yield double(a);
        return b;
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 12 });
  });

  it('carries out the effects a subroutine yields for its task', () => {
    const log: string[] = [];
    function* whoAmI(): Task<string> {
      const me: Tid = yield getTid();
      yield sleep(5);
      return `task ${me} at ${yield now()}`;
    }
    runAll(
      ticker('a', 1, log),
      (function* (): Task {
        log.push(yield whoAmI());
      })(),
    );
    expect(log).toEqual(['a0', 'task 2 at 5']);
  });

  it('lets a bare yield in a subroutine end the task turn, like anywhere else', () => {
    const log: string[] = [];
    function* inner(): Task {
      log.push('inner 1');
      yield;
      log.push('inner 2');
    }
    runAll(
      (function* (): Task {
        yield inner();
        log.push('caller');
      })(),
      ticker('b', 2, log),
    );
    expect(log).toEqual(['inner 1', 'b0', 'inner 2', 'caller', 'b1']);
  });

  it('runs calls nested several levels deep, in the same turn', () => {
    const log: string[] = [];
    function* level(n: number): Task<string> {
      if (n === 0) return 'bottom';
      const below: string = yield level(n - 1);
      return `${n}(${below})`;
    }
    runAll(
      (function* (): Task {
        log.push(yield level(3));
      })(),
      ticker('b', 1, log),
    );
    expect(log).toEqual(['3(2(1(bottom)))', 'b0']);
  });

  it('throws a TypeError into a subroutine that yields a plain value, at that yield', () => {
    let caught: unknown;
    function* sloppy(): Task {
      try {
        yield 42 as never; // the classic trampoline takes this for the return value
      } catch (error) {
        caught = error;
      }
      return 'returned properly';
    }
    const outcomes = runAll(
      (function* (): Task {
        return yield sloppy();
      })(),
    );
    expect(caught).toBeInstanceOf(TypeError);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'returned properly' });
  });

  it('calls a subroutine that ends before its first yield', () => {
    function* quick(): Task<string> {
      return 'no yield at all';
    }
    const outcomes = runAll(
      (function* (): Task {
        return yield quick();
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'no yield at all' });
  });
});

describe('3. Throw errors into the caller at the call', () => {
  it("throws a subroutine's error into its caller, where a try catches it", () => {
    const error = new Error('deep down');
    function* failing(): Task {
      yield;
      throw error;
    }
    let caught: unknown;
    const outcomes = runAll(
      (function* (): Task {
        try {
          yield failing();
        } catch (e) {
          caught = e;
        }
        return 'caller carried on';
      })(),
    );
    expect(caught).toBe(error);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'caller carried on' });
  });

  it('passes an uncaught error up frame by frame, running each finally', () => {
    const log: string[] = [];
    const error = new Error('bottom');
    function* bottom(): Task {
      try {
        yield;
        throw error;
      } finally {
        log.push('bottom finally');
      }
    }
    function* middle(): Task {
      try {
        yield bottom();
        log.push('middle went on');
      } finally {
        log.push('middle finally');
      }
    }
    const outcomes = runAll(
      (function* (): Task {
        try {
          yield middle();
        } catch (e) {
          log.push(`top caught ${(e as Error).message}`);
          throw e;
        }
      })(),
    );
    expect(log).toEqual(['bottom finally', 'middle finally', 'top caught bottom']);
    expect(outcomes.get(1)).toEqual({ state: 'failed', error });
  });

  it('throws errors from effects into the subroutine that asked', () => {
    const ch = channel();
    function* putLate(): Task<string> {
      try {
        yield put(ch, 1);
        return 'put';
      } catch (error) {
        return `subroutine caught ${(error as Error).name}`;
      }
    }
    const outcomes = runAll(
      (function* (): Task {
        yield close(ch);
        return yield putLate();
      })(),
    );
    expect(outcomes.get(1)).toEqual({
      state: 'done',
      value: 'subroutine caught ChannelClosedError',
    });
  });

  it("throws a joined task's error into the subroutine that joined", () => {
    const error = new Error('child');
    function* waitFor(tid: Tid): Task<string> {
      try {
        yield join(tid);
        return 'joined';
      } catch (e) {
        return e === error ? 'caught it' : 'something else';
      }
    }
    const outcomes = runAll(
      (function* (): Task {
        yield;
        throw error;
      })(),
      (function* (): Task {
        return yield waitFor(1);
      })(),
    );
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'caught it' });
  });
});

describe('4. Recurse 100,000 deep', () => {
  it('answers a recursion 100,000 calls deep', () => {
    const outcomes = runAll(
      (function* (): Task {
        return yield depth(100_000);
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 100_000 });
  });

  it('brings an error from 20,000 calls down back up to the top', () => {
    const error = new Error('at the bottom');
    function* dig(n: number): Task<number> {
      if (n === 0) throw error;
      return (yield dig(n - 1)) as number;
    }
    let caught: unknown;
    runAll(
      (function* (): Task {
        try {
          yield dig(20_000);
        } catch (e) {
          caught = e;
        }
      })(),
    );
    expect(caught).toBe(error);
  });

  it('answers 100,000 effects in a row within one turn, without growing the stack', () => {
    const outcomes = runAll(
      (function* (): Task {
        let sum = 0;
        for (let i = 0; i < 100_000; i++) sum += (yield getTid()) as number;
        return sum;
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 100_000 });
  });

  it('lets other tasks run while a deep recursion waits at its bottom', () => {
    const log: string[] = [];
    function* deepSleep(n: number): Task<number> {
      if (n === 0) {
        yield sleep(3);
        return 0;
      }
      return ((yield deepSleep(n - 1)) as number) + 1;
    }
    runAll(
      (function* (): Task {
        log.push(`deep ${yield deepSleep(10_000)}`);
      })(),
      ticker('b', 2, log),
    );
    expect(log).toEqual(['b0', 'b1', 'deep 10000']);
  });
});

describe('5. Cancel a task and its children', () => {
  it('closes the call stack innermost first, before kill answers', () => {
    const log: string[] = [];
    function* inner(): Task {
      yield looper('inner', log);
    }
    function* middle(): Task {
      try {
        yield inner();
      } finally {
        log.push('middle');
      }
    }
    runAll(
      (function* (): Task {
        try {
          yield middle();
        } finally {
          log.push('outer');
        }
      })(),
      (function* (): Task {
        yield;
        log.push(`kill answered ${yield kill(1)}`);
      })(),
    );
    expect(log).toEqual(['inner', 'middle', 'outer', 'kill answered true']);
  });

  it("halts the task's children, newest first, after its own stack", () => {
    const log: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        for (const name of ['c1', 'c2', 'c3']) yield spawn(looper(name, log));
        yield looper('parent', log);
      })(),
      (function* (): Task {
        yield;
        log.push(`kill answered ${yield kill(1)}`);
      })(),
    );
    expect(log).toEqual(['parent', 'c3', 'c2', 'c1', 'kill answered true']);
    for (const tid of [1, 3, 4, 5]) expect(outcomes.get(tid)).toEqual({ state: 'killed' });
  });

  it('halts grandchildren too, each subtree before the next older sibling', () => {
    const log: string[] = [];
    runAll(
      (function* (): Task {
        yield spawn(looper('a', log));
        yield spawn(
          (function* (): Task {
            yield spawn(looper('b-child', log));
            yield looper('b', log);
          })(),
        );
        yield looper('root', log);
      })(),
      (function* (): Task {
        yield;
        yield;
        yield kill(1);
        log.push('killed');
      })(),
    );
    expect(log).toEqual(['root', 'b', 'b-child', 'a', 'killed']);
  });

  it('halts the children of a task that returns, before its joiners wake', () => {
    const log: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        yield spawn(looper('child', log));
        yield;
        return 'parent done';
      })(),
      (function* (): Task {
        log.push(`joined ${yield join(1)}`);
      })(),
    );
    expect(log).toEqual(['child', 'joined parent done']);
    expect(outcomes.get(3)).toEqual({ state: 'killed' });
  });

  it("fails the parent with a child's error, and halts its other children", () => {
    const log: string[] = [];
    const error = new Error('child broke');
    const outcomes = runAll(
      (function* (): Task {
        yield spawn(looper('sibling', log));
        yield spawn(
          (function* (): Task {
            yield;
            throw error;
          })(),
        );
        yield looper('parent', log);
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'failed', error });
    expect(outcomes.get(3)).toEqual({ state: 'failed', error });
    expect(outcomes.get(2)).toEqual({ state: 'killed' });
    expect(log).toEqual(['parent', 'sibling']);
  });

  it("throws a child's error in where the parent waits, so it can catch it", () => {
    const error = new Error('child broke');
    const outcomes = runAll(
      (function* (): Task {
        yield spawn(
          (function* (): Task {
            yield sleep(5);
            throw error;
          })(),
        );
        try {
          yield sleep(100);
          return 'slept';
        } catch (e) {
          return e === error ? `caught at ${yield now()}` : 'caught something else';
        }
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'caught at 5' });
  });

  it('keeps top-level tasks independent: one failing does not touch another', () => {
    const outcomes = runAll(
      (function* (): Task {
        yield;
        throw new Error('alone');
      })(),
      ticker('b', 3, []),
    );
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'b' });
  });

  it('answers false for a task that has ended or does not exist', () => {
    const outcomes = runAll(
      ticker('a', 1, []),
      (function* (): Task {
        yield;
        return [yield kill(1), yield kill(77)];
      })(),
    );
    expect(outcomes.get(2)).toEqual({ state: 'done', value: [false, false] });
  });
});

describe('6. Finish cleanup that yields', () => {
  it('carries out effects a finally yields while cancelled; kill answers after them', () => {
    const log: string[] = [];
    runAll(
      (function* (): Task {
        try {
          for (let i = 0; i < 1_000; i++) yield;
        } finally {
          log.push(`cleanup starts@${yield now()}`);
          yield sleep(5);
          log.push(`cleanup ends@${yield now()}`);
        }
      })(),
      (function* (): Task {
        yield;
        yield kill(1);
        log.push(`kill answered@${yield now()}`);
      })(),
    );
    expect(log).toEqual(['cleanup starts@0', 'cleanup ends@5', 'kill answered@5']);
  });

  it('runs a subroutine a finally calls during cancellation to its end', () => {
    const log: string[] = [];
    function* flush(): Task<string> {
      yield;
      yield sleep(2);
      return 'flushed';
    }
    function* inner(): Task {
      try {
        yield looper('never closed twice', []);
      } finally {
        log.push(`inner ${yield flush()}`);
      }
    }
    const outcomes = runAll(
      (function* (): Task {
        try {
          yield inner();
        } finally {
          log.push('outer finally');
        }
      })(),
      (function* (): Task {
        yield;
        yield kill(1);
        log.push('killer goes on');
      })(),
    );
    expect(log).toEqual(['inner flushed', 'outer finally', 'killer goes on']);
    expect(outcomes.get(1)).toEqual({ state: 'killed' });
  });

  it('lets a second kill during the cleanup wait for the same end', () => {
    const log: string[] = [];
    const killer = (name: string): Task =>
      (function* () {
        yield;
        log.push(`${name} ${yield kill(1)}@${yield now()}`);
      })();
    runAll(
      (function* (): Task {
        try {
          for (let i = 0; i < 1_000; i++) yield;
        } finally {
          yield sleep(4);
          log.push('cleaned');
        }
      })(),
      killer('first'),
      killer('second'),
    );
    expect(log).toEqual(['cleaned', 'first true@4', 'second true@4']);
  });

  it('waits for a child whose cleanup yields before the parent ends', () => {
    const log: string[] = [];
    runAll(
      (function* (): Task {
        yield spawn(
          (function* (): Task {
            try {
              for (let i = 0; i < 1_000; i++) yield;
            } finally {
              yield sleep(3);
              log.push(`child cleaned@${yield now()}`);
            }
          })(),
        );
        yield;
        return 'parent';
      })(),
      (function* (): Task {
        log.push(`joined ${yield join(1)}@${yield now()}`);
      })(),
    );
    expect(log).toEqual(['child cleaned@3', 'joined parent@3']);
  });

  it('still closes the outer frames when an inner finally throws, and fails the task', () => {
    const log: string[] = [];
    const error = new Error('cleanup failed');
    function* inner(): Task {
      try {
        yield looper('looper', log);
      } finally {
        throw error;
      }
    }
    const outcomes = runAll(
      (function* (): Task {
        try {
          yield inner();
        } finally {
          log.push('outer finally');
        }
      })(),
      (function* (): Task {
        yield;
        log.push(`kill answered ${yield kill(1)}`);
      })(),
    );
    expect(log).toEqual(['looper', 'outer finally', 'kill answered true']);
    expect(outcomes.get(1)).toEqual({ state: 'failed', error });
  });
});

describe('7. Scale fairly to 100,000 tasks', () => {
  it('runs 100,000 tasks × 10 yields within a bound only an O(n) queue exceeds', () => {
    function* worker(counter: { resumes: number }): Task {
      for (let i = 0; i < 10; i++) {
        yield;
        counter.resumes += 1;
      }
    }
    // The baseline: the same generators made and resumed round-robin by a bare loop, on this
    // machine now.
    const bare = { resumes: 0 };
    const started = performance.now();
    const gens = Array.from({ length: 100_000 }, () => worker(bare));
    for (let round = 0; round <= 10; round++) for (const g of gens) g.next();
    const baseline = performance.now() - started;
    // A scheduler with O(1) queue operations costs a few times the baseline; Array#shift costs
    // thousands of times (99 s here). The bound sits far from both: 40 times, within 3 to 30 s.
    const bound = Math.round(Math.min(Math.max(40 * baseline, 3_000), 30_000));

    const s = createScheduler();
    const counter = { resumes: 0 };
    sandbox.job = () => {
      for (let i = 0; i < 100_000; i++) s.spawn(worker(counter));
      return s.run();
    };
    let outcomes: Map<Tid, Outcome> | undefined;
    try {
      outcomes = runInContext('job()', sandbox, { timeout: bound }) as Map<Tid, Outcome>;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      expect.fail(
        `100,000 tasks × 10 yields did not finish within ${bound} ms (40 times a bare ` +
          `round-robin of the same generators, ${Math.round(baseline)} ms): a queue ` +
          'operation costs time in proportion to the queue length (Array#shift copies the ' +
          'whole array every turn). Use a queue with O(1) at both ends: a ring buffer or two stacks.',
      );
    }
    expect(counter.resumes).toBe(1_000_000);
    expect(outcomes?.size).toBe(100_000);
  }, 90_000);

  it('lets no ready task run twice before every other ready task ran once', () => {
    const n = 30;
    const trace: number[] = [];
    const ch = channel<number>(1_000);
    function* nap(): Task {
      yield; // a subroutine that ends the turn
    }
    function* worker(id: number): Task {
      for (let i = 0; i < 20; i++) {
        trace.push(id);
        yield getTid(); // answers in the same turn: not a switch
        switch ((id + i) % 4) {
          case 0:
            yield;
            break;
          case 1:
            yield sleep(0);
            break;
          case 2:
            yield nap();
            break;
          case 3:
            yield put(ch, id); // room in the buffer: goes on, then gives up the turn
            yield;
            break;
        }
      }
    }
    runAll(...Array.from({ length: n }, (_, id) => worker(id)));
    expect(trace.length).toBe(n * 20);
    for (let start = 0; start + n <= trace.length; start++) {
      const window = new Set(trace.slice(start, start + n));
      if (window.size !== n) {
        expect.fail(
          `turns ${start} to ${start + n - 1} ran only ${window.size} of the ${n} ready tasks: ` +
            `[${trace.slice(start, start + n).join(', ')}]`,
        );
      }
    }
    expect(trace.slice(0, n)).toEqual(Array.from({ length: n }, (_, id) => id));
  });

  it('puts a woken task behind the tasks already ready', () => {
    const log: string[] = [];
    runAll(
      (function* (): Task {
        yield sleep(1);
        log.push('sleeper');
      })(),
      (function* (): Task {
        yield sleep(1);
        for (let i = 0; i < 3; i++) {
          log.push(`busy${i}`);
          yield;
        }
      })(),
    );
    expect(log).toEqual(['sleeper', 'busy0', 'busy1', 'busy2']);
  });
});
