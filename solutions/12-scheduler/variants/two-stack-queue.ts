// Honest variant: the ready queue (and every other queue) is two stacks.

/** A task's id: 1, 2, 3, ... in the order its scheduler saw it. */
export type Tid = number;

/** What a task asks its scheduler for. Plain data: the constructors below build them. */
export type Effect =
  | { readonly type: 'getTid' }
  | { readonly type: 'spawn'; readonly task: Task }
  | { readonly type: 'kill'; readonly tid: Tid }
  | { readonly type: 'join'; readonly tid: Tid };

/** A task's body: a generator that yields effects, or `undefined` to let the next task run. */
export type Task<R = any> = Generator<Effect | undefined, R, any>;

/** How a task ended. */
export type Outcome =
  | { readonly state: 'done'; readonly value: unknown }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'killed' };

export interface Scheduler {
  /** Adds a task to the back of the ready queue and answers its id. */
  spawn(task: Task): Tid;
  /** Runs until no task can run, then answers every task's outcome by id. */
  run(): Map<Tid, Outcome>;
}

/** Thrown into a task that joins a task that was killed. */
export class KilledError extends Error {
  constructor(readonly tid: Tid) {
    super(`task ${tid} was killed`);
    this.name = 'KilledError';
  }
}

/** Answers the calling task's id. */
export const getTid = (): Effect => ({ type: 'getTid' });
/** Starts `task` at the back of the ready queue; answers its id. */
export const spawn = (task: Task): Effect => ({ type: 'spawn', task });
/** Closes task `tid` with `return()`, so its `finally` blocks run; answers whether it was alive. */
export const kill = (tid: Tid): Effect => ({ type: 'kill', tid });
/** Waits for task `tid` to end; answers its return value, or throws its error. */
export const join = (tid: Tid): Effect => ({ type: 'join', tid });

/**
 * A first-in first-out queue made of two stacks: push onto `inbox`; pop from `outbox`, refilling
 * it from `inbox` reversed when it runs dry. Each item moves twice: O(1) amortized.
 */
class Queue<T> {
  private inbox: T[] = [];
  private outbox: T[] = [];

  get length(): number {
    return this.inbox.length + this.outbox.length;
  }

  enqueue(item: T): void {
    this.inbox.push(item);
  }

  dequeue(): T | undefined {
    if (this.outbox.length === 0) {
      while (this.inbox.length > 0) this.outbox.push(this.inbox.pop()!);
    }
    return this.outbox.pop();
  }
}

interface TaskState {
  tid: Tid;
  gen: Task;
  /** How to resume it next: next(arg), throw(arg) or return(). */
  mode: 'next' | 'throw' | 'return';
  arg: unknown;
  outcome?: Outcome;
  killed: boolean;
  /** In the ready queue now, so it is never queued twice. */
  queued: boolean;
  /** The task whose end it waits for (a join or a kill), so a kill can take it off that wait. */
  joining?: TaskState;
  /** Tasks waiting for it to end, first come first served. */
  joiners: TaskState[];
  /** Tasks whose kill waits for its cleanup to end. */
  killers: TaskState[];
}

const KINDS = new Set(['getTid', 'spawn', 'kill', 'join']);

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
 * A round-robin scheduler. Effects whose answer is ready (getTid, spawn, a kill, a join of a task
 * that has ended) resume the task at once, in the same turn; only a bare `yield` or a wait ends
 * the turn.
 */
export function createScheduler(): Scheduler {
  const tasks = new Map<Tid, TaskState>();
  const outcomes = new Map<Tid, Outcome>();
  const ready = new Queue<TaskState>();
  let nextTid = 1;

  function add(gen: Task): Tid {
    if (!isGenerator(gen)) throw new TypeError(`spawn needs a generator object, got ${gen}`);
    const task: TaskState = {
      tid: nextTid++,
      gen,
      mode: 'next',
      arg: undefined,
      killed: false,
      queued: false,
      joiners: [],
      killers: [],
    };
    tasks.set(task.tid, task);
    schedule(task);
    return task.tid;
  }

  function schedule(task: TaskState): void {
    if (task.queued) return;
    task.queued = true;
    ready.enqueue(task);
  }

  /** Resumes `task` with `mode(arg)` on its next turn. */
  function wake(task: TaskState, mode: 'next' | 'throw', arg: unknown): void {
    task.mode = mode;
    task.arg = arg;
    schedule(task);
  }

  /** Runs one turn of `task`: until it yields nothing, waits, or ends. */
  function step(task: TaskState): void {
    // A task another one killed during this turn has ended already.
    while (!task.outcome) {
      let result: IteratorResult<Effect | undefined>;
      try {
        const { mode, arg } = task;
        task.mode = 'next';
        task.arg = undefined;
        result =
          mode === 'next'
            ? task.gen.next(arg)
            : mode === 'throw'
              ? task.gen.throw(arg)
              : task.gen.return(undefined);
      } catch (error) {
        end(task, { state: 'failed', error });
        return;
      }
      if (result.done) {
        end(task, task.killed ? { state: 'killed' } : { state: 'done', value: result.value });
        return;
      }
      if (!perform(task, result.value)) return;
    }
  }

  /** Carries out an effect; true when the task goes on at once with `task.mode`/`task.arg`. */
  function perform(task: TaskState, effect: Effect | undefined): boolean {
    if (effect === undefined) {
      schedule(task);
      return false;
    }
    if (!isEffect(effect)) {
      task.mode = 'throw';
      task.arg = new TypeError(`a task yielded ${String(effect)}, which is not an effect`);
      return true;
    }
    switch (effect.type) {
      case 'getTid':
        task.arg = task.tid;
        return true;
      case 'spawn':
        try {
          task.arg = add(effect.task);
        } catch (error) {
          task.mode = 'throw';
          task.arg = error;
        }
        return true;
      case 'kill':
        return killTask(task, tasks.get(effect.tid));
      case 'join':
        return joinTask(task, effect.tid);
    }
  }

  function killTask(killer: TaskState, target: TaskState | undefined): boolean {
    if (!target || target.outcome) {
      killer.arg = false;
      return true;
    }
    if (target === killer) {
      // It is suspended at this very yield, so return() can close it now.
      killer.killed = true;
      killer.mode = 'return';
      return true;
    }
    if (!target.killed) {
      target.killed = true;
      target.joining = undefined; // off every wait list: joiners are checked when woken
      target.mode = 'return';
      // The cleanup runs now, before the killer resumes.
      step(target);
    }
    if (target.outcome) {
      killer.arg = true;
      return true;
    }
    // Its finally yielded: the kill answers when the cleanup has ended.
    killer.joining = target;
    target.killers.push(killer);
    return false;
  }

  function joinTask(joiner: TaskState, tid: Tid): boolean {
    const target = tasks.get(tid);
    if (!target) {
      joiner.mode = 'throw';
      joiner.arg = new RangeError(`join: there is no task ${tid}`);
      return true;
    }
    if (target.outcome) {
      answerJoin(joiner, target);
      return true;
    }
    joiner.joining = target;
    target.joiners.push(joiner);
    return false;
  }

  /** Sets the joiner's answer from the target's outcome. */
  function answerJoin(joiner: TaskState, target: TaskState): void {
    const outcome = target.outcome!;
    if (outcome.state === 'done') {
      joiner.mode = 'next';
      joiner.arg = outcome.value;
    } else {
      joiner.mode = 'throw';
      joiner.arg = outcome.state === 'failed' ? outcome.error : new KilledError(target.tid);
    }
  }

  function end(task: TaskState, outcome: Outcome): void {
    task.outcome = outcome;
    outcomes.set(task.tid, outcome);
    for (const joiner of task.joiners) {
      if (joiner.joining !== task || joiner.outcome) continue; // killed while it waited
      joiner.joining = undefined;
      answerJoin(joiner, task);
      schedule(joiner);
    }
    for (const killer of task.killers) {
      if (killer.joining !== task || killer.outcome) continue;
      killer.joining = undefined;
      wake(killer, 'next', true);
    }
    task.joiners = [];
    task.killers = [];
  }

  return {
    spawn: add,
    run() {
      for (let task = ready.dequeue(); task; task = ready.dequeue()) {
        task.queued = false;
        if (!task.outcome && !task.joining) step(task); // a kill may have parked it since
      }
      return new Map(outcomes);
    },
  };
}
