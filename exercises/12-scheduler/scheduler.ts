// Exercise 12: a scheduler. Many generators take turns on one thread: each `yield` hands the
// scheduler an effect (or nothing, to let the next task run) and the scheduler sends the answer
// back with next(). The effects are given below as plain data; you write createScheduler().
// The README explains each task; the tests in scheduler.test.ts are the exact specification.

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
 * A new round-robin scheduler, with its own task ids from 1. Tasks run only inside `run()`.
 * An effect whose answer is ready (getTid, spawn, kill, a join of a task that has ended) resumes
 * the task at once, in the same turn; a bare `yield` sends it to the back of the ready queue.
 *
 * @example
 * const s = createScheduler();
 * s.spawn(ticker('a', 2));         // 1
 * s.spawn(ticker('b', 2));         // 2
 * s.run();                         // a0 b0 a1 b1; Map { 1 => { state: 'done', value: 'a' }, ... }
 */
export function createScheduler(): Scheduler {
  // TODO: a ready queue (README task 1: not Array#shift), a map from id to task state, and run():
  // take the next task, resume it (next/throw/return), and act on what it yields.
  throw new Error('Not implemented yet: write createScheduler() (README tasks 1 to 4).');
}
