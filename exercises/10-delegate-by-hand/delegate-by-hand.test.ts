import { describe, expect, it } from 'vitest';
// Tasks 1 to 6 are exercise 09's suite, unchanged: the hand-written delegate() must behave
// exactly like yield*. The '../09-delegation/' path keeps KATA_DIR from redirecting it.
import { delegationSuite, recorded, upTo } from '../09-delegation/delegation.suite.ts';
import * as kata from './delegate-by-hand';

const suite = delegationSuite(kata, 'by hand');

describe('1. Delegate to an inner iterable', suite.delegateToAnInnerIterable);

describe('2. Forward sent values', suite.forwardSentValues);

describe('3. Forward throw', suite.forwardThrow);

describe('4. Forward return', suite.forwardReturn);

describe('5. Carry on with the result', suite.carryOnWithTheResult);

describe("6. The post's internal and gen", suite.thePostsInternalAndGen);

/** A bare iterable whose iterator is `methods`, with nothing checked or added. */
function bare<T extends object>(methods: T): T & Iterable<unknown> {
  return Object.assign(methods, {
    [Symbol.iterator]() {
      return methods as never;
    },
  });
}

describe('7. Follow the spec to the letter', () => {
  it("hands the inner's result objects on unchanged while it delegates", () => {
    const answer = { value: 'mine', done: false, extra: 'kept' };
    const d = kata.delegate(bare({ next: () => answer }));
    expect(d.next()).toBe(answer);
    expect(d.next()).toBe(answer);
  });

  it('throws a TypeError when the inner answers with something that is not an object', () => {
    const d = kata.delegate(bare({ next: () => 42 as never }));
    expect(() => d.next()).toThrow(TypeError);
    expect(d.next()).toEqual({ value: undefined, done: true });

    const e = kata.delegate(
      bare({ next: () => ({ value: 1, done: false }), return: () => 'nope' as never }),
    );
    e.next();
    expect(() => e.return(undefined)).toThrow(TypeError);

    const f = kata.delegate(
      bare({ next: () => ({ value: 1, done: false }), throw: () => 'nope' as never }),
    );
    f.next();
    expect(() => f.throw(new Error('in'))).toThrow(TypeError);
    expect(f.next()).toEqual({ value: undefined, done: true });
  });

  it('takes a function as an answer of the inner: functions are objects too', () => {
    const answer = Object.assign(() => {}, { value: 'f', done: false });
    const d = kata.delegate(bare({ next: () => answer as never }));
    expect(d.next()).toBe(answer);
  });

  it('throws a TypeError when next() is called again while it is running', () => {
    let caught: unknown;
    const d = kata.delegate(
      bare({
        next() {
          try {
            d.next();
          } catch (error) {
            caught = error;
          }
          return { value: 'went on', done: false };
        },
      }),
    );
    expect(d.next()).toEqual({ value: 'went on', done: false });
    expect(caught).toBeInstanceOf(TypeError);
  });

  it('throws a TypeError when throw() or return() is called while it is running', () => {
    const caught: unknown[] = [];
    const d = kata.delegate(
      bare({
        next() {
          for (const call of [() => d.throw(new Error('inside')), () => d.return(undefined)]) {
            try {
              call();
            } catch (error) {
              caught.push(error);
            }
          }
          return { value: 'went on', done: false };
        },
      }),
    );
    expect(d.next()).toEqual({ value: 'went on', done: false });
    expect(caught).toHaveLength(2);
    expect(caught[0]).toBeInstanceOf(TypeError);
    expect(caught[1]).toBeInstanceOf(TypeError);
    expect(d.next()).toEqual({ value: 'went on', done: false });
  });

  it('is done for good after an error from the inner', () => {
    const error = new Error('inner broke');
    const inner = bare({
      calls: 0,
      next() {
        this.calls += 1;
        throw error;
      },
    });
    const d = kata.delegate(inner);
    expect(() => d.next()).toThrow(error);
    expect(d.next()).toEqual({ value: undefined, done: true });
    expect(inner.calls).toBe(1);
  });

  it('after the end, throw(e) throws e and return(v) answers { value: v, done: true }', () => {
    const inner = recorded(upTo(1));
    const d = kata.delegate(inner);
    d.next();
    d.next();
    const error = new Error('too late');
    expect(() => d.throw(error)).toThrow(error);
    expect(d.return(8)).toEqual({ value: 8, done: true });
    expect(inner.calls.map(([method]) => method)).toEqual(['next', 'next']);
  });

  it('keeps each delegation apart: two of them share no state', () => {
    const a = kata.delegate(upTo(3));
    const b = kata.delegate(['x', 'y']);
    expect(a.next().value).toBe(0);
    expect(b.next().value).toBe('x');
    expect(a.next().value).toBe(1);
    expect(b.next()).toEqual({ value: 'y', done: false });
    expect(b.next()).toEqual({ value: undefined, done: true });
    expect(a.next()).toEqual({ value: 2, done: false });
  });
});
