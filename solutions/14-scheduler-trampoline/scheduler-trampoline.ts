// Exercise 14: the trampolined scheduler, solved. Exercise 13's scheduler, copied forward, with a
// call stack per task (a yielded generator is a subroutine call) and structured cancellation.

/** A task's id: 1, 2, 3, ... in the order its scheduler saw it. */
export type Tid = number;

/** A channel: made by `channel()`, used only through the effects below. */
export interface Channel<T = unknown> {
  readonly capacity: number;
  /** Only for the type checker: what the channel carries. */
  readonly __type?: T;
}

/** What a take answers once a channel is closed and its buffer drained. */
export const CLOSED: unique symbol = Symbol('closed');

/** One operation of a select: a put or a take. */
export type ChannelOp =
  | { readonly type: 'put'; readonly channel: Channel; readonly value: unknown }
  | { readonly type: 'take'; readonly channel: Channel };

/** What a task asks its scheduler for. Plain data: the constructors below build them. */
export type Effect =
  | { readonly type: 'getTid' }
  | { readonly type: 'spawn'; readonly task: Task }
  | { readonly type: 'kill'; readonly tid: Tid }
  | { readonly type: 'join'; readonly tid: Tid }
  | { readonly type: 'sleep'; readonly ms: number }
  | { readonly type: 'now' }
  | ChannelOp
  | { readonly type: 'close'; readonly channel: Channel }
  | { readonly type: 'select'; readonly ops: readonly ChannelOp[]; readonly default: boolean };

/**
 * A task's body, and a subroutine it calls: a generator that yields effects, another generator
 * (a call: it answers that generator's return value), or `undefined` to let the next task run.
 */
export type Task<R = any> = Generator<Effect | Task | undefined, R, any>;

/** How a task ended. */
export type Outcome =
  | { readonly state: 'done'; readonly value: unknown }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'killed' };

export interface Scheduler {
  /** Adds a task to the back of the ready queue and answers its id. */
  spawn(task: Task): Tid;
  /** Runs until every task has ended, then answers every outcome by id; or throws a DeadlockError. */
  run(): Map<Tid, Outcome>;
}

/** Thrown into a task that joins a task that was killed. */
export class KilledError extends Error {
  constructor(readonly tid: Tid) {
    super(`task ${tid} was killed`);
    this.name = 'KilledError';
  }
}

/** Thrown into a task that puts on a closed channel. */
export class ChannelClosedError extends Error {
  constructor() {
    super('put on a closed channel');
    this.name = 'ChannelClosedError';
  }
}

/** Thrown by run() when tasks are blocked and nothing can ever wake them. */
export class DeadlockError extends Error {
  /** The blocked tasks' ids, in increasing order. */
  readonly tids: Tid[];
  constructor(blocked: ReadonlyArray<{ tid: Tid; waitingFor: string }>) {
    const list = blocked.map((b) => `task ${b.tid} (${b.waitingFor})`).join(', ');
    super(`deadlock: every task left is blocked and nothing can wake it: ${list}`);
    this.name = 'DeadlockError';
    this.tids = blocked.map((b) => b.tid);
  }
}

/** Answers the calling task's id. */
export const getTid = (): Effect => ({ type: 'getTid' });
/** Starts `task` as a child of the caller, at the back of the ready queue; answers its id. */
export const spawn = (task: Task): Effect => ({ type: 'spawn', task });
/**
 * Cancels task `tid`: closes its call stack innermost first, then halts its children; answers
 * whether it was alive, once all of that cleanup has ended.
 */
export const kill = (tid: Tid): Effect => ({ type: 'kill', tid });
/** Waits for task `tid` to end; answers its return value, or throws its error. */
export const join = (tid: Tid): Effect => ({ type: 'join', tid });

/** Parks the task for `ms` units of virtual time; `sleep(0)` just ends the turn. */
export function sleep(ms: number): Effect {
  if (!(ms >= 0)) throw new RangeError(`sleep needs a duration of 0 or more, got ${ms}`);
  return { type: 'sleep', ms };
}
/** Answers the virtual clock's time: 0 when run() starts. */
export const now = (): Effect => ({ type: 'now' });

/** A new channel holding up to `capacity` values; 0 (the default) hands each value over. */
export function channel<T = unknown>(capacity = 0): Channel<T> {
  if (!Number.isInteger(capacity) || capacity < 0)
    throw new RangeError(`a channel's capacity is a whole number of 0 or more, got ${capacity}`);
  return Object.freeze({ capacity });
}
/** Puts `value` on the channel, waiting for room (or, unbuffered, for a taker). */
export const put = <T>(ch: Channel<T>, value: T): ChannelOp => ({
  type: 'put',
  channel: ch,
  value,
});
/** Takes the oldest value, waiting for one; answers CLOSED once closed and drained. */
export const take = <T>(ch: Channel<T>): ChannelOp => ({ type: 'take', channel: ch });
/** Closes the channel; answers true, or false if it was closed already. */
export const close = (ch: Channel): Effect => ({ type: 'close', channel: ch });
/**
 * Waits for the first of `ops` that can go ahead (the first ready one in list order if several
 * are); answers `{ index, value }`, value being what a take got. With `{ default: true }` it never
 * waits: `{ index: -1, value: undefined }` when none is ready.
 */
export const select = (ops: readonly ChannelOp[], options: { default?: boolean } = {}): Effect => ({
  type: 'select',
  ops,
  default: options.default ?? false,
});

/** A first-in first-out queue on a ring buffer: O(1) at both ends, unlike `Array#shift`. */
class Queue<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  enqueue(item: T): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = item;
    this.length += 1;
  }

  dequeue(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // let the task be collected once it ends
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length -= 1;
    return item;
  }

  /** Doubles the capacity (a power of two, so `&` wraps the index), keeping the order. */
  private grow(): void {
    const items: (T | undefined)[] = new Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) {
      items[i] = this.items[(this.head + i) & (this.items.length - 1)];
    }
    this.items = items;
    this.head = 0;
  }
}

/** A min-heap of sleepers keyed by (wake time, sequence): equal times wake in the order they slept. */
class Timers {
  private heap: Sleeper[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): Sleeper | undefined {
    return this.heap[0];
  }

  push(item: Sleeper): void {
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): Sleeper | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < h.length && before(h[l]!, h[min]!)) min = l;
        if (r < h.length && before(h[r]!, h[min]!)) min = r;
        if (min === i) break;
        [h[i], h[min]] = [h[min]!, h[i]!];
        i = min;
      }
    }
    return top;
  }
}

const before = (a: Sleeper, b: Sleeper) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** What a parked task waits for. A kill marks it done, so every list holding it skips it. */
interface Wait {
  task: TaskState;
  /** For the deadlock message: "join 2", "take", "select", ... */
  what: string;
  done: boolean;
}

interface Sleeper {
  at: number;
  seq: number;
  wait: Wait;
}

/** A task parked on a channel: `index` is its select's op, or -1 for a plain put or take. */
interface Waiter {
  wait: Wait;
  index: number;
  value: unknown;
}

interface ChannelState {
  capacity: number;
  buffer: Queue<unknown>;
  closed: boolean;
  takers: Queue<Waiter>;
  putters: Queue<Waiter>;
}

interface TaskState {
  tid: Tid;
  /** Its call stack: the task's body first, the subroutine running now last. */
  frames: Task[];
  /** How to resume the top frame next: next(arg), throw(arg) or return(). */
  mode: 'next' | 'throw' | 'return';
  arg: unknown;
  outcome?: Outcome;
  /** Being cancelled: frames below `unclosed` have not been given their return() yet. */
  killed: boolean;
  unclosed: number;
  /** The first error a frame threw while being closed: the task fails with it in the end. */
  cleanupError?: { error: unknown };
  /** Its stack is empty and it waits for its children to be halted, then ends with this. */
  ending?: Outcome;
  /** The children still to halt, newest last. */
  halting?: TaskState[];
  parent?: TaskState;
  children: Set<TaskState>;
  /** Nested turns of this task on the JS stack right now (a kill runs the target's cleanup). */
  running: number;
  /** Counts turns, so a turn knows when a nested one (a kill of this task) took over. */
  turn: number;
  /** Called once it has ended: the parent halting its children goes on with the next one. */
  onEnd?: () => void;
  /** In the ready queue now, so it is never queued twice. */
  queued: boolean;
  /** What it is parked on, if anything. */
  wait?: Wait;
  /** Tasks waiting for it to end: joiners, and killers waiting for its cleanup. */
  joiners: Wait[];
  killers: Wait[];
}

const KINDS = new Set([
  'getTid',
  'spawn',
  'kill',
  'join',
  'sleep',
  'now',
  'put',
  'take',
  'close',
  'select',
]);

function isEffect(value: unknown): value is Effect {
  return (
    typeof value === 'object' && value !== null && KINDS.has((value as { type?: string }).type!)
  );
}

function isGenerator(value: unknown): value is Task {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Task).next === 'function' &&
    typeof (value as Task).throw === 'function' &&
    typeof (value as Task).return === 'function'
  );
}

/**
 * A round-robin scheduler with a virtual clock, channels, subroutine calls on a per-task stack,
 * and structured cancellation. Effects whose answer is ready, and calls, go on in the same turn;
 * a bare `yield` or a wait ends the turn. Time stands still while any task is ready.
 */
export function createScheduler(): Scheduler {
  const tasks = new Map<Tid, TaskState>();
  const outcomes = new Map<Tid, Outcome>();
  const ready = new Queue<TaskState>();
  const timers = new Timers();
  const channels = new Map<Channel, ChannelState>();
  let nextTid = 1;
  let clock = 0;
  let sequence = 0;

  function add(gen: Task, parent?: TaskState): Tid {
    if (!isGenerator(gen)) throw new TypeError(`spawn needs a generator object, got ${gen}`);
    const task: TaskState = {
      tid: nextTid++,
      frames: [gen],
      mode: 'next',
      arg: undefined,
      killed: false,
      unclosed: 0,
      queued: false,
      joiners: [],
      killers: [],
      parent,
      children: new Set(),
      running: 0,
      turn: 0,
    };
    parent?.children.add(task);
    tasks.set(task.tid, task);
    schedule(task);
    return task.tid;
  }

  function schedule(task: TaskState): void {
    if (task.queued) return;
    task.queued = true;
    ready.enqueue(task);
  }

  function park(task: TaskState, what: string): Wait {
    const wait = { task, what, done: false };
    task.wait = wait;
    return wait;
  }

  /** Ends a wait, if it is still on: the task resumes with `mode(arg)` on its next turn. */
  function wake(wait: Wait, mode: 'next' | 'throw', arg: unknown): void {
    if (wait.done) return;
    wait.done = true;
    const task = wait.task;
    task.wait = undefined;
    task.mode = mode;
    task.arg = arg;
    schedule(task);
  }

  /**
   * Runs one turn of `task`: until it yields nothing, waits, or ends. A yielded generator is
   * pushed on the task's stack and run as a subroutine; when a frame returns or throws, the frame
   * below resumes with its value or its error, at the call. One loop, no recursion: a call
   * 100,000 deep costs 100,000 array slots, not 100,000 JS stack frames.
   */
  function step(task: TaskState): void {
    const turn = ++task.turn;
    task.running += 1;
    try {
      while (!task.outcome && !task.ending && task.turn === turn) {
        const frames = task.frames;
        const frame = frames[frames.length - 1]!;
        let result: IteratorResult<Effect | Task | undefined>;
        const { mode, arg } = task;
        task.mode = 'next';
        task.arg = undefined;
        try {
          result =
            mode === 'next'
              ? frame.next(arg)
              : mode === 'throw'
                ? frame.throw(arg)
                : frame.return(undefined);
        } catch (error) {
          frames.pop();
          if (frames.length === 0) {
            finish(task, {
              state: 'failed',
              error: task.cleanupError ? task.cleanupError.error : error,
            });
          } else if (task.killed && frames.length - 1 < task.unclosed) {
            // An error while closing fails the task, but the frames below still get closed.
            task.cleanupError ??= { error };
            closeNext(task);
          } else {
            task.mode = 'throw';
            task.arg = error;
          }
          continue;
        }
        if (result.done) {
          frames.pop();
          if (frames.length === 0) {
            finish(
              task,
              task.cleanupError
                ? { state: 'failed', error: task.cleanupError.error }
                : task.killed
                  ? { state: 'killed' }
                  : { state: 'done', value: result.value },
            );
          } else if (task.killed && frames.length - 1 < task.unclosed) {
            closeNext(task);
          } else {
            task.arg = result.value;
          }
          continue;
        }
        const value = result.value;
        if (value === undefined) {
          schedule(task); // the common case first: a bare yield ends the turn
          return;
        }
        if (isGenerator(value)) {
          frames.push(value); // a call: its first next() starts it
          continue;
        }
        let goesOn: boolean;
        try {
          goesOn = perform(task, value);
        } catch (error) {
          // A bad request (a put on a closed channel, a broken channel) fails where it was made.
          task.mode = 'throw';
          task.arg = error;
          goesOn = true;
        }
        if (!goesOn) return;
      }
    } finally {
      task.running -= 1;
    }
  }

  /** Gives the frame now on top its return(): cancellation closes the stack innermost first. */
  function closeNext(task: TaskState): void {
    task.unclosed = task.frames.length - 1;
    task.mode = 'return';
  }

  /** Carries out an effect; true when the task goes on at once with `task.mode`/`task.arg`. */
  function perform(task: TaskState, effect: Effect): boolean {
    if (!isEffect(effect)) {
      throw new TypeError(
        `a task yielded ${String(effect)}, which is neither an effect nor a generator to call`,
      );
    }
    switch (effect.type) {
      case 'getTid':
        task.arg = task.tid;
        return true;
      case 'spawn':
        task.arg = add(effect.task, task);
        return true;
      case 'kill':
        return killTask(task, tasks.get(effect.tid));
      case 'join':
        return joinTask(task, effect.tid);
      case 'now':
        task.arg = clock;
        return true;
      case 'sleep':
        if (effect.ms === 0) {
          schedule(task);
        } else {
          timers.push({ at: clock + effect.ms, seq: sequence++, wait: park(task, 'sleep') });
        }
        return false;
      case 'put':
      case 'take':
        return select(task, [effect], false, -1);
      case 'select':
        return select(task, effect.ops, effect.default, 0);
      case 'close':
        task.arg = closeChannel(effect.channel);
        return true;
    }
  }

  function killTask(killer: TaskState, target: TaskState | undefined): boolean {
    if (!target || target.outcome) {
      killer.arg = false;
      return true;
    }
    if (target === killer) {
      if (!killer.killed) {
        // It is suspended at this very yield, so its stack can be closed from here.
        killer.killed = true;
        closeNext(killer);
      } else {
        killer.arg = true; // it is cleaning up already
      }
      return true;
    }
    cancel(target);
    if (target.outcome) {
      killer.arg = true;
      return true;
    }
    // A finally yielded, or a child is still cleaning up: the kill answers when all has ended.
    target.killers.push(park(killer, `kill ${target.tid}`));
    return false;
  }

  /**
   * Starts closing `target` now, before the caller goes on: off every wait, its stack closed
   * innermost first, then its children halted. Cleanup that yields goes on as usual (effects are
   * carried out) and cannot be cancelled again.
   */
  function cancel(target: TaskState): void {
    if (target.killed || target.outcome) return;
    target.killed = true;
    if (target.wait) target.wait.done = true; // off every wait list: they skip done waits
    target.wait = undefined;
    if (target.ending) return; // its stack is closed already; its children are being halted
    closeNext(target);
    step(target);
  }

  function joinTask(joiner: TaskState, tid: Tid): boolean {
    const target = tasks.get(tid);
    if (!target) throw new RangeError(`join: there is no task ${tid}`);
    if (target.outcome) {
      const [mode, arg] = joinAnswer(target);
      joiner.mode = mode;
      joiner.arg = arg;
      return true;
    }
    target.joiners.push(park(joiner, `join ${tid}`));
    return false;
  }

  /** What a joiner of an ended task gets: its value, its error, or a KilledError. */
  function joinAnswer(target: TaskState): ['next' | 'throw', unknown] {
    const outcome = target.outcome!;
    if (outcome.state === 'done') return ['next', outcome.value];
    return ['throw', outcome.state === 'failed' ? outcome.error : new KilledError(target.tid)];
  }

  /** The task's stack is empty: halt its children, newest first, one at a time, then settle. */
  function finish(task: TaskState, outcome: Outcome): void {
    task.ending = outcome;
    task.halting = [...task.children];
    haltChildren(task);
  }

  function haltChildren(task: TaskState): void {
    const halting = task.halting!;
    while (halting.length > 0) {
      const child = halting[halting.length - 1]!;
      if (!child.outcome) {
        cancel(child);
        if (!child.outcome) {
          // Its cleanup waits for something: go on with the next child when it has ended.
          child.onEnd = () => haltChildren(task);
          return;
        }
      }
      halting.pop();
    }
    settle(task, task.ending!);
  }

  function settle(task: TaskState, outcome: Outcome): void {
    task.outcome = outcome;
    task.ending = undefined;
    task.halting = undefined;
    outcomes.set(task.tid, outcome);
    const [mode, arg] = joinAnswer(task);
    for (const wait of task.joiners) wake(wait, mode, arg);
    for (const wait of task.killers) wake(wait, 'next', true);
    task.joiners = [];
    task.killers = [];
    const parent = task.parent;
    if (parent) {
      parent.children.delete(task);
      // A child's failure fails its parent: thrown in where the parent waits, it can catch it.
      if (
        outcome.state === 'failed' &&
        !parent.outcome &&
        !parent.ending &&
        !parent.killed &&
        parent.running === 0
      ) {
        if (parent.wait) parent.wait.done = true;
        parent.wait = undefined;
        parent.mode = 'throw';
        parent.arg = outcome.error;
        schedule(parent);
      }
    }
    const onEnd = task.onEnd;
    task.onEnd = undefined;
    onEnd?.();
  }

  function stateOf(ch: Channel): ChannelState {
    let state = channels.get(ch);
    if (!state) {
      if (!Number.isInteger(ch?.capacity)) throw new TypeError(`not a channel: ${String(ch)}`);
      state = {
        capacity: ch.capacity,
        buffer: new Queue(),
        closed: false,
        takers: new Queue(),
        putters: new Queue(),
      };
      channels.set(ch, state);
    }
    return state;
  }

  /** The first waiter still waiting, dropping the ones a kill or another select branch ended. */
  function nextLive(queue: Queue<Waiter>): Waiter | undefined {
    for (let w = queue.dequeue(); w; w = queue.dequeue()) if (!w.wait.done) return w;
    return undefined;
  }

  /** Resumes a parked channel operation: a select gets `{ index, value }`. */
  function answer(waiter: Waiter, value: unknown): void {
    wake(waiter.wait, 'next', waiter.index < 0 ? value : { index: waiter.index, value });
  }

  /** A put that can go ahead now does, and answers true. Throws on a closed channel. */
  function tryPut(state: ChannelState, value: unknown): boolean {
    if (state.closed) throw new ChannelClosedError();
    const taker = nextLive(state.takers);
    if (taker) {
      answer(taker, value);
      return true;
    }
    if (state.buffer.length < state.capacity) {
      state.buffer.enqueue(value);
      return true;
    }
    return false;
  }

  /** A take that can go ahead now does, and answers `{ value }`; undefined when it must wait. */
  function tryTake(state: ChannelState): { value: unknown } | undefined {
    if (state.buffer.length > 0) {
      const value = state.buffer.dequeue();
      const putter = nextLive(state.putters);
      if (putter) {
        state.buffer.enqueue(putter.value);
        answer(putter, undefined);
      }
      return { value };
    }
    const putter = nextLive(state.putters);
    if (putter) {
      answer(putter, undefined);
      return { value: putter.value };
    }
    return state.closed ? { value: CLOSED } : undefined;
  }

  /**
   * A put, a take or a select: the first op that can go ahead does, at once; otherwise, without
   * a default, the task parks on every op. `base` is 0 for a select, -1 for a plain op.
   */
  function select(
    task: TaskState,
    ops: readonly ChannelOp[],
    hasDefault: boolean,
    base: number,
  ): boolean {
    const states = ops.map((op) => stateOf(op.channel));
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      if (op.type === 'put') {
        if (tryPut(states[i]!, op.value)) {
          task.arg = base < 0 ? undefined : { index: i, value: undefined };
          return true;
        }
      } else {
        const got = tryTake(states[i]!);
        if (got) {
          task.arg = base < 0 ? got.value : { index: i, value: got.value };
          return true;
        }
      }
    }
    if (hasDefault) {
      task.arg = { index: -1, value: undefined };
      return true;
    }
    const wait = park(task, base < 0 ? ops[0]!.type : 'select');
    ops.forEach((op, i) => {
      const waiter = { wait, index: base < 0 ? -1 : i, value: (op as { value?: unknown }).value };
      (op.type === 'put' ? states[i]!.putters : states[i]!.takers).enqueue(waiter);
    });
    return false;
  }

  function closeChannel(ch: Channel): boolean {
    const state = stateOf(ch);
    if (state.closed) return false;
    state.closed = true;
    for (let w = nextLive(state.takers); w; w = nextLive(state.takers)) answer(w, CLOSED);
    for (let w = nextLive(state.putters); w; w = nextLive(state.putters))
      wake(w.wait, 'throw', new ChannelClosedError());
    return true;
  }

  /** Moves the clock to the earliest live sleeper and wakes all due then; false if none. */
  function wakeSleepers(): boolean {
    while (timers.size > 0 && timers.peek()!.wait.done) timers.pop();
    const first = timers.peek();
    if (!first) return false;
    clock = first.at;
    while (timers.size > 0 && timers.peek()!.at === clock)
      wake(timers.pop()!.wait, 'next', undefined);
    return true;
  }

  return {
    spawn: (task) => add(task),
    run() {
      for (;;) {
        const task = ready.dequeue();
        if (task) {
          task.queued = false;
          if (!task.outcome && !task.wait) step(task); // a kill may have parked it since
        } else if (!wakeSleepers()) {
          break;
        }
      }
      const blocked = [...tasks.values()]
        .filter((t) => !t.outcome)
        .map((t) => ({
          tid: t.tid,
          waitingFor: t.wait?.what ?? (t.ending ? 'its children to end' : 'nothing'),
        }));
      if (blocked.length > 0) throw new DeadlockError(blocked);
      return new Map(outcomes);
    },
  };
}
