import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  channel,
  ChannelClosedError,
  close,
  CLOSED,
  createScheduler,
  DeadlockError,
  getTid,
  join,
  kill,
  KilledError,
  now,
  put,
  select,
  sleep,
  spawn,
  take,
  type Channel,
  type Outcome,
  type Scheduler,
  type Task,
  type Tid,
} from './scheduler-time';

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

/** Sleeps `ms`, then logs `<name>@<time>`. */
function* sleeper(name: string, ms: number, log: string[]): Task {
  yield sleep(ms);
  log.push(`${name}@${yield now()}`);
}

/** Takes from `ch` until it is closed, logging `<name> got <value>` with the time. */
function* consumer(name: string, ch: Channel, log: string[]): Task<number> {
  let count = 0;
  for (let i = 0; i < 1_000; i++) {
    const value: unknown = yield take(ch);
    if (value === CLOSED) return count;
    log.push(`${name} got ${String(value)}`);
    count += 1;
  }
  throw new Error('took 1,000 values: the channel never reported CLOSED');
}

describe('1. Bring your scheduler from exercise 12', () => {
  it('takes turns round-robin, with ids per scheduler', () => {
    const log: string[] = [];
    const s = createScheduler();
    expect([s.spawn(ticker('a', 2, log)), s.spawn(ticker('b', 3, log))]).toEqual([1, 2]);
    const outcomes = runBounded(s);
    expect(log).toEqual(['a0', 'b0', 'a1', 'b1', 'b2']);
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'b' });
    expect(createScheduler().spawn(ticker('c', 1, log))).toBe(1);
  });

  it('keeps getTid, spawn, join and kill', () => {
    const log: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        const me: Tid = yield getTid();
        const child: Tid = yield spawn(ticker('c', 2, log));
        const victim: Tid = yield spawn(ticker('v', 5, log));
        yield;
        log.push(`killed ${yield kill(victim)}`);
        return `${me} joined ${yield join(child)}`;
      })(),
    );
    expect(log).toEqual(['c0', 'v0', 'killed true', 'c1']);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: '1 joined c' });
    expect(outcomes.get(3)).toEqual({ state: 'killed' });
  });

  it('marks a failing task failed and lets the rest go on', () => {
    const log: string[] = [];
    const error = new Error('boom');
    const outcomes = runAll(
      (function* (): Task {
        yield;
        throw error;
      })(),
      ticker('b', 3, log),
    );
    expect(outcomes.get(1)).toEqual({ state: 'failed', error });
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'b' });
  });

  it('keeps the round-robin order with many tasks ready at once', () => {
    const log: string[] = [];
    const names = Array.from({ length: 40 }, (_, k) => `c${k}-`);
    runAll(
      ticker('a', 3, log),
      (function* (): Task {
        for (const name of names) yield spawn(ticker(name, 2, log));
        log.push('p');
        yield;
        log.push('p again');
      })(),
    );
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

  it('refuses to spawn something that is not a generator object, with a TypeError', () => {
    const s = createScheduler();
    const next = () => ({ done: true, value: undefined });
    const wrong = [
      () => 1,
      null,
      { next, throw: next },
      { next, return: next },
      { throw: next, return: next },
    ];
    for (const value of wrong) expect(() => s.spawn(value as unknown as Task)).toThrow(TypeError);
  });

  it('throws a TypeError into a task that yields something that is not an effect', () => {
    const caught: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        for (const value of [42, null]) {
          try {
            yield value as never;
          } catch (error) {
            caught.push((error as Error).constructor.name);
          }
        }
        return 'carried on';
      })(),
    );
    expect(caught).toEqual(['TypeError', 'TypeError']);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'carried on' });
  });

  it('kill answers false for an unknown id or a task that has ended', () => {
    const outcomes = runAll(
      ticker('a', 1, []),
      (function* (): Task {
        yield;
        return [yield kill(99), yield kill(1)];
      })(),
    );
    expect(outcomes.get(2)).toEqual({ state: 'done', value: [false, false] });
  });

  it('a task can kill itself, and finishes a finally that yields', () => {
    const log: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        try {
          yield kill(yield getTid());
          log.push('still running');
        } finally {
          log.push('finally');
          yield;
          log.push('finally ends');
        }
      })(),
      ticker('o', 2, log),
    );
    expect(outcomes.get(1)).toEqual({ state: 'killed' });
    expect(log).toEqual(['finally', 'o0', 'finally ends', 'o1']);
  });

  it('kill answers only once a finally that yields has run to its end; a second kill waits too', () => {
    const log: string[] = [];
    const outcomes = runAll(
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
      (function* (): Task {
        yield;
        log.push(`k: kill answered ${yield kill(1)}`);
      })(),
      ticker('o', 3, log),
      (function* (): Task {
        yield;
        yield;
        log.push(`l: kill answered ${yield kill(1)}`);
      })(),
    );
    expect(log).toEqual([
      'v0',
      'o0',
      'v1',
      'v cleans',
      'o1',
      'v still cleans',
      'o2',
      'v cleaned',
      'k: kill answered true',
      'l: kill answered true',
    ]);
    expect(outcomes.get(1)).toEqual({ state: 'killed' });
  });

  it('a killed task whose finally waits on a channel wakes only when the channel answers', () => {
    const log: string[] = [];
    const ch = channel<string>();
    runAll(
      (function* (): Task {
        try {
          for (;;) yield;
        } finally {
          log.push(`v cleanup got ${String(yield take(ch))}`);
        }
      })(),
      (function* (): Task {
        log.push(`kill answered ${yield kill(1)}`);
      })(),
      (function* (): Task {
        yield sleep(5);
        yield put(ch, 'x');
      })(),
    );
    expect(log).toEqual(['v cleanup got x', 'kill answered true']);
  });

  it("join rethrows a failed task's error, and throws a KilledError for a killed one", () => {
    const error = new Error('child failed');
    const caught: unknown[] = [];
    runAll(
      (function* (): Task {
        yield;
        throw error;
      })(),
      ticker('v', 10, []),
      (function* (): Task {
        for (const tid of [1, 2]) {
          try {
            yield join(tid);
          } catch (e) {
            caught.push(e);
          }
        }
      })(),
      (function* (): Task {
        yield;
        yield kill(2);
      })(),
    );
    expect(caught[0]).toBe(error);
    expect(caught[1]).toBeInstanceOf(KilledError);
    expect((caught[1] as KilledError).name).toBe('KilledError');
    expect((caught[1] as KilledError).tid).toBe(2);
  });

  it('join answers at once for a task that has ended, and throws a RangeError for an unknown id', () => {
    const log: string[] = [];
    const outcomes = runAll(
      ticker('a', 1, log),
      (function* (): Task {
        yield;
        log.push(`joined ${yield join(1)}`);
        log.push('same turn');
        try {
          yield join(42);
        } catch (error) {
          return (error as Error).constructor.name;
        }
      })(),
      ticker('c', 2, log),
    );
    expect(log).toEqual(['a0', 'c0', 'joined a', 'same turn', 'c1']);
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'RangeError' });
  });

  it('a killed joiner is not woken by the end of the task it joined, even while its finally yields', () => {
    const log: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        yield;
        throw new Error('t fails');
      })(),
      (function* (): Task {
        try {
          yield join(1);
        } finally {
          log.push('j cleans');
          yield;
          log.push('j cleaned');
        }
      })(),
      (function* (): Task {
        log.push(`kill answered ${yield kill(2)}`);
      })(),
    );
    expect(log).toEqual(['j cleans', 'j cleaned', 'kill answered true']);
    expect(outcomes.get(2)).toEqual({ state: 'killed' });
  });
});

describe('2. Sleep on a virtual clock', () => {
  it('starts the clock at 0 and lets no time pass while tasks are ready', () => {
    const times: number[] = [];
    runAll(
      (function* (): Task {
        times.push(yield now());
        yield;
        times.push(yield now());
      })(),
      ticker('b', 3, []),
    );
    expect(times).toEqual([0, 0]);
  });

  it('jumps the clock to the earliest sleeper when nothing is ready', () => {
    const log: string[] = [];
    runAll(sleeper('slow', 500, log), sleeper('fast', 20, log), sleeper('mid', 100, log));
    expect(log).toEqual(['fast@20', 'mid@100', 'slow@500']);
  });

  it('counts each sleep from the time it starts', () => {
    const times: number[] = [];
    runAll(
      (function* (): Task {
        for (const ms of [5, 10, 0, 7]) {
          yield sleep(ms);
          times.push(yield now());
        }
      })(),
    );
    expect(times).toEqual([5, 15, 15, 22]);
  });

  it('wakes tasks due at the same time in the order they went to sleep', () => {
    const log: string[] = [];
    const names = ['e', 'b', 'h', 'a', 'g', 'c', 'j', 'd', 'f', 'i'];
    runAll(...names.map((name) => sleeper(name, 10, log)));
    expect(log).toEqual(names.map((name) => `${name}@10`));
  });

  it('orders by wake time first, then by the order of the sleep calls', () => {
    const log: string[] = [];
    runAll(
      sleeper('a', 30, log),
      sleeper('b', 10, log),
      (function* (): Task {
        yield sleep(20);
        yield spawn(sleeper('d', 10, log)); // due at 30, after a
        log.push(`c@${yield now()}`);
      })(),
      sleeper('e', 30, log),
    );
    expect(log).toEqual(['b@10', 'c@20', 'a@30', 'e@30', 'd@30']);
  });

  it('wakes every sleeper due at that time before any of them runs twice', () => {
    const log: string[] = [];
    const pair = (name: string): Task =>
      (function* () {
        yield sleep(10);
        log.push(`${name} woke`);
        yield;
        log.push(`${name} again`);
      })();
    runAll(pair('a'), pair('b'));
    expect(log).toEqual(['a woke', 'b woke', 'a again', 'b again']);
  });

  it('treats sleep(0) as a bare yield: back of the queue, no time passes', () => {
    const log: string[] = [];
    runAll(
      (function* (): Task {
        log.push('a0');
        yield sleep(0);
        log.push(`a1@${yield now()}`);
      })(),
      ticker('b', 2, log),
    );
    expect(log).toEqual(['a0', 'b0', 'a1@0', 'b1']);
  });

  it('fails a task that asks for a negative sleep, with a RangeError', () => {
    const outcome = runAll(
      (function* (): Task {
        yield sleep(-1);
      })(),
    ).get(1);
    expect(outcome?.state).toBe('failed');
    expect(outcome && 'error' in outcome && outcome.error).toBeInstanceOf(RangeError);
  });

  it('does not wake a sleeper that was killed, nor wait for it', () => {
    const log: string[] = [];
    runAll(
      sleeper('victim', 1_000, log),
      (function* (): Task {
        yield sleep(5);
        yield kill(1);
        yield sleep(5);
        log.push(`killer@${yield now()}`);
      })(),
    );
    expect(log).toEqual(['killer@10']);
  });
});

describe('3. Pass values on channels', () => {
  it('hands a value over an unbuffered channel: the putter waits for a taker', () => {
    const log: string[] = [];
    const ch = channel<string>();
    runAll(
      (function* (): Task {
        log.push('putting');
        yield put(ch, 'hello');
        log.push(`put done@${yield now()}`);
      })(),
      (function* (): Task {
        yield sleep(50);
        log.push(`took ${yield take(ch)}`);
      })(),
    );
    expect(log).toEqual(['putting', 'took hello', 'put done@50']);
  });

  it('parks a taker until a value comes, then answers it', () => {
    const log: string[] = [];
    const ch = channel<number>();
    runAll(
      (function* (): Task {
        const value: number = yield take(ch);
        log.push(`took ${value}@${yield now()}`);
      })(),
      (function* (): Task {
        yield sleep(7);
        yield put(ch, 42);
        log.push('put returned');
      })(),
    );
    expect(log).toEqual(['put returned', 'took 42@7']);
  });

  it('lets a bounded channel take puts without a taker, up to its capacity', () => {
    const log: string[] = [];
    const ch = channel<number>(2);
    runAll(
      (function* (): Task {
        for (let i = 1; i <= 3; i++) {
          yield put(ch, i);
          log.push(`put ${i}@${yield now()}`);
        }
      })(),
      (function* (): Task {
        yield sleep(10);
        for (let i = 0; i < 3; i++) log.push(`took ${yield take(ch)}`);
      })(),
    );
    expect(log).toEqual(['put 1@0', 'put 2@0', 'took 1', 'took 2', 'took 3', 'put 3@10']);
  });

  it('answers undefined to a put, at once or after waiting', () => {
    const a = channel<number>(1);
    const outcomes = runAll(
      (function* (): Task {
        return [yield put(a, 1), yield put(a, 2)];
      })(),
      (function* (): Task {
        yield sleep(1);
        return [yield take(a), yield take(a)];
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: [undefined, undefined] });
    expect(outcomes.get(2)).toEqual({ state: 'done', value: [1, 2] });
  });

  it('fails a task that makes a channel whose capacity is not a whole number of 0 or more', () => {
    const outcomes = runAll(
      ...[-1, 1.5].map((capacity) =>
        (function* (): Task {
          yield;
          channel(capacity);
        })(),
      ),
    );
    for (const tid of [1, 2]) {
      const outcome = outcomes.get(tid);
      expect(outcome && 'error' in outcome && outcome.error).toBeInstanceOf(RangeError);
    }
  });

  it('keeps values in first-in first-out order', () => {
    const log: string[] = [];
    const ch = channel<number>(3);
    runAll(
      (function* (): Task {
        for (let i = 0; i < 10; i++) yield put(ch, i);
        yield close(ch);
      })(),
      consumer('c', ch, log),
    );
    expect(log).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `c got ${i}`));
  });

  it('serves waiting takers in the order they came', () => {
    const log: string[] = [];
    const ch = channel<string>();
    const taker = (name: string): Task =>
      (function* () {
        log.push(`${name} got ${yield take(ch)}`);
      })();
    runAll(
      taker('x'),
      taker('y'),
      taker('z'),
      (function* (): Task {
        for (const v of ['1', '2', '3']) yield put(ch, v);
      })(),
    );
    expect(log).toEqual(['x got 1', 'y got 2', 'z got 3']);
  });

  it('serves waiting putters in the order they came', () => {
    const log: string[] = [];
    const ch = channel<string>(1);
    const putter = (value: string): Task =>
      (function* () {
        yield put(ch, value);
      })();
    runAll(
      putter('a'),
      putter('b'),
      putter('c'),
      (function* (): Task {
        yield sleep(1);
        for (let i = 0; i < 3; i++) log.push(String(yield take(ch)));
      })(),
    );
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('takes a killed taker off the channel: the value goes to the next one', () => {
    const log: string[] = [];
    const ch = channel<string>();
    runAll(
      (function* (): Task {
        log.push(`first got ${yield take(ch)}`);
      })(),
      (function* (): Task {
        log.push(`second got ${yield take(ch)}`);
      })(),
      (function* (): Task {
        yield kill(1);
        yield put(ch, 'v');
      })(),
    );
    expect(log).toEqual(['second got v']);
  });
});

describe('4. Close a channel', () => {
  it('lets takers drain what is buffered, then answers CLOSED', () => {
    const got: unknown[] = [];
    const ch = channel<number>(3);
    runAll(
      (function* (): Task {
        yield put(ch, 1);
        yield put(ch, 2);
        yield close(ch);
      })(),
      (function* (): Task {
        for (let i = 0; i < 4; i++) got.push(yield take(ch));
      })(),
    );
    expect(got).toEqual([1, 2, CLOSED, CLOSED]);
  });

  it('wakes every waiting taker with CLOSED', () => {
    const log: string[] = [];
    const ch = channel();
    runAll(
      consumer('a', ch, log),
      consumer('b', ch, log),
      (function* (): Task {
        yield sleep(3);
        yield close(ch);
      })(),
    );
    expect(log).toEqual([]);
  });

  it('throws a ChannelClosedError into a task that puts on a closed channel', () => {
    const ch = channel(5);
    const outcomes = runAll(
      (function* (): Task {
        yield close(ch);
        try {
          yield put(ch, 1);
          return 'put went through';
        } catch (error) {
          return (error as Error).name;
        }
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 'ChannelClosedError' });
  });

  it('throws a ChannelClosedError into putters waiting when it closes', () => {
    const ch = channel<number>();
    const outcomes = runAll(
      (function* (): Task {
        yield put(ch, 1);
      })(),
      (function* (): Task {
        yield close(ch);
      })(),
    );
    const outcome = outcomes.get(1);
    expect(outcome?.state).toBe('failed');
    expect(outcome && 'error' in outcome && outcome.error).toBeInstanceOf(ChannelClosedError);
  });

  it('answers true the first time and false after', () => {
    const ch = channel();
    const outcomes = runAll(
      (function* (): Task {
        return [yield close(ch), yield close(ch)];
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: [true, false] });
  });
});

describe('5. Select with a default', () => {
  it('answers the first ready operation, index and value', () => {
    const a = channel<string>(1);
    const b = channel<string>(1);
    const outcomes = runAll(
      (function* (): Task {
        yield put(b, 'from b');
        return yield select([take(a), take(b)]);
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: { index: 1, value: 'from b' } });
  });

  it('picks the first in list order when several are ready', () => {
    const a = channel<string>(1);
    const b = channel<string>(1);
    const outcomes = runAll(
      (function* (): Task {
        yield put(a, 'A');
        yield put(b, 'B');
        const first: unknown = yield select([take(b), take(a)]);
        const second: unknown = yield select([take(b), take(a)]);
        return [first, second];
      })(),
    );
    expect(outcomes.get(1)).toEqual({
      state: 'done',
      value: [
        { index: 0, value: 'B' },
        { index: 1, value: 'A' },
      ],
    });
  });

  it('answers { index: -1 } at once with a default when nothing is ready', () => {
    const a = channel();
    const log: string[] = [];
    const outcomes = runAll(
      (function* (): Task {
        const r: unknown = yield select([take(a), put(a, 1)], { default: true });
        log.push('same turn');
        return r;
      })(),
      ticker('b', 1, log),
    );
    expect(log).toEqual(['same turn', 'b0']);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: { index: -1, value: undefined } });
  });

  it('waits on every operation and answers the one that happens first', () => {
    const a = channel<string>();
    const b = channel<string>();
    const log: string[] = [];
    runAll(
      (function* (): Task {
        const r: { index: number; value: unknown } = yield select([take(a), take(b)]);
        log.push(`select ${r.index} ${String(r.value)}@${yield now()}`);
      })(),
      (function* (): Task {
        yield sleep(9);
        yield put(b, 'b first');
      })(),
    );
    expect(log).toEqual(['select 1 b first@9']);
  });

  it('answers { index: 0, value } when the first operation happens after waiting', () => {
    const a = channel<string>();
    const outcomes = runAll(
      (function* (): Task {
        return yield select([take(a), take(channel())]);
      })(),
      (function* (): Task {
        yield put(a, 'x');
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: { index: 0, value: 'x' } });
  });

  it('leaves the other channels alone once one operation happened', () => {
    const a = channel<string>();
    const b = channel<string>();
    const log: string[] = [];
    runAll(
      (function* (): Task {
        const r: { index: number } = yield select([take(a), take(b)]);
        log.push(`select took ${r.index}`);
      })(),
      (function* (): Task {
        log.push(`late taker got ${yield take(a)}`);
      })(),
      (function* (): Task {
        yield sleep(1);
        yield put(b, 'one');
        yield put(a, 'two');
      })(),
    );
    expect(log).toEqual(['select took 1', 'late taker got two']);
  });

  it('can put: a select with a put goes ahead when a taker waits', () => {
    const a = channel<string>();
    const log: string[] = [];
    runAll(
      (function* (): Task {
        log.push(`taker got ${yield take(a)}`);
      })(),
      (function* (): Task {
        const r: { index: number; value: unknown } = yield select([put(a, 'x')], {
          default: true,
        });
        log.push(`select ${r.index}`);
      })(),
    );
    expect(log).toEqual(['select 0', 'taker got x']);
  });

  it('answers CLOSED for a take on a closed channel', () => {
    const a = channel();
    const outcomes = runAll(
      (function* (): Task {
        yield close(a);
        return yield select([take(a)]);
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'done', value: { index: 0, value: CLOSED } });
  });
});

describe('6. Report a deadlock', () => {
  it('throws a DeadlockError naming the tasks blocked for ever', () => {
    const ch = channel();
    const s = createScheduler();
    s.spawn(ticker('a', 2, []));
    s.spawn(
      (function* (): Task {
        yield take(ch);
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield join(2);
      })(),
    );
    let error: unknown;
    try {
      runBounded(s);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeadlockError);
    expect((error as DeadlockError).tids).toEqual([2, 3]);
    expect((error as Error).message).toMatch(/task 2\b/);
    expect((error as Error).message).toMatch(/task 3\b/);
  });

  it('says what each blocked task waits for: a take, a put, a select, a join, a kill', () => {
    const ch = channel();
    const s = createScheduler();
    s.spawn(
      (function* (): Task {
        yield take(ch);
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield put(channel(), 1);
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield select([take(channel()), take(channel())]);
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield join(1);
      })(),
    );
    s.spawn(
      (function* (): Task {
        try {
          for (;;) yield;
        } finally {
          yield take(channel());
        }
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield kill(5);
      })(),
    );
    let error: unknown;
    try {
      runBounded(s);
    } catch (e) {
      error = e;
    }
    expect((error as DeadlockError).tids).toEqual([1, 2, 3, 4, 5, 6]);
    const entries = (error as Error).message.split(/(?=task \d)/);
    const about = (tid: number) => entries.find((e) => e.startsWith(`task ${tid}`)) ?? '';
    expect(about(1)).toMatch(/take/);
    expect(about(2)).toMatch(/put/);
    expect(about(3)).toMatch(/select/);
    expect(about(4)).toMatch(/join/);
    expect(about(6)).toMatch(/kill/);
  });

  it('reports two tasks joining each other', () => {
    const s = createScheduler();
    s.spawn(
      (function* (): Task {
        yield join(2);
      })(),
    );
    s.spawn(
      (function* (): Task {
        yield join(1);
      })(),
    );
    expect(() => runBounded(s)).toThrow(DeadlockError);
  });

  it('is no deadlock while a sleeper can still wake the others', () => {
    const ch = channel<string>();
    const log: string[] = [];
    const outcomes = runAll(
      consumer('c', ch, log),
      (function* (): Task {
        yield sleep(1_000);
        yield put(ch, 'late');
        yield close(ch);
      })(),
    );
    expect(log).toEqual(['c got late']);
    expect(outcomes.get(1)).toEqual({ state: 'done', value: 1 });
  });

  it('does not count a killed waiter as blocked', () => {
    const ch = channel();
    const outcomes = runAll(
      (function* (): Task {
        yield take(ch);
      })(),
      (function* (): Task {
        yield kill(1);
        return 'ok';
      })(),
    );
    expect(outcomes.get(1)).toEqual({ state: 'killed' });
    expect(outcomes.get(2)).toEqual({ state: 'done', value: 'ok' });
  });

  it('names only the blocked tasks, not the ones that ended', () => {
    const ch = channel();
    const s = createScheduler();
    s.spawn(ticker('a', 1, []));
    s.spawn(
      (function* (): Task {
        yield sleep(5);
        yield put(ch, 1);
      })(),
    );
    let error: unknown;
    try {
      runBounded(s);
    } catch (e) {
      error = e;
    }
    expect((error as DeadlockError).tids).toEqual([2]);
  });
});
