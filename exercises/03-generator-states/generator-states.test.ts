import { describe, expect, it } from 'vitest';
import { expectHandWrittenIterator } from '../../lib/testing.ts';
import { track, type GeneratorState, type Tracked } from './generator-states';

/**
 * Tracks the generator that `body` makes and lets the body see its own wrapper through `me()`,
 * the way Python code would call inspect.getgeneratorstate on itself.
 */
function trackSelf<T, R, N>(
  body: (me: () => Tracked<T, R, N>) => Generator<T, R, N>,
): Tracked<T, R, N> {
  let self: Tracked<T, R, N> | undefined;
  self = track(
    body(() => {
      if (!self) throw new Error('test bug: the body ran before track() returned');
      return self;
    }),
  );
  return self;
}

/** The error a test throws in, to tell it from any other. */
class Boom extends Error {}

describe('1. Created, then suspended', () => {
  it('is a wrapper written by hand around the generator, not a generator itself', () => {
    function* two() {
      yield 1;
      yield 2;
    }
    // A Proxy around the generator whose handler supplies the methods is a wrapper too.
    expectHandWrittenIterator(track(two()), 'track(g)', { proxy: true });
  });

  it('is created before the first next()', () => {
    function* two(): Generator<number> {
      yield 1;
      yield 2;
    }
    expect(track(two()).state).toBe('created');
  });

  it('runs none of the body when it wraps the generator', () => {
    const log: string[] = [];
    function* body(): Generator<number> {
      log.push('started');
      yield 1;
    }
    const t = track(body());
    expect(log).toEqual([]);
    expect(t.state).toBe('created');
    t.next();
    expect(log).toEqual(['started']);
  });

  it('is suspended after each yield', () => {
    function* three(): Generator<number> {
      yield 1;
      yield 2;
      yield 3;
    }
    const t = track(three());
    const states: GeneratorState[] = [];
    for (let i = 0; i < 3; i++) {
      t.next();
      states.push(t.state);
    }
    expect(states).toEqual(['suspended', 'suspended', 'suspended']);
  });

  it('passes values out and sent values in unchanged', () => {
    const got: string[] = [];
    function* echo(): Generator<number, void, string> {
      got.push(yield 1);
      got.push(yield 2);
    }
    const t = track(echo());
    expect(t.next()).toEqual({ value: 1, done: false });
    expect(t.next('a')).toEqual({ value: 2, done: false });
    expect(t.next('b')).toEqual({ value: undefined, done: true });
    expect(got).toEqual(['a', 'b']);
  });

  it('is its own iterator, so for-of and spread accept it', () => {
    function* letters(): Generator<string> {
      yield 'a';
      yield 'b';
    }
    const t = track(letters());
    expect(t[Symbol.iterator]()).toBe(t);
    expect([...t]).toEqual(['a', 'b']);
  });
});

describe('2. Closed when it finishes', () => {
  it('is closed once the body returns, and passes the return value on', () => {
    function* body(): Generator<number, string> {
      yield 1;
      return 'the end';
    }
    const t = track(body());
    t.next();
    expect(t.next()).toEqual({ value: 'the end', done: true });
    expect(t.state).toBe('closed');
  });

  it('stays done and closed forever after', () => {
    function* one(): Generator<number> {
      yield 1;
    }
    const t = track(one());
    t.next();
    t.next();
    for (let i = 0; i < 3; i++) {
      expect(t.next()).toEqual({ value: undefined, done: true });
      expect(t.state).toBe('closed');
    }
  });

  it('is closed after an error escapes the body, and the error reaches the caller', () => {
    function* broken(): Generator<number> {
      yield 1;
      throw new Boom('broken');
    }
    const t = track(broken());
    t.next();
    expect(() => t.next()).toThrow(Boom);
    expect(t.state).toBe('closed');
    expect(t.next()).toEqual({ value: undefined, done: true });
  });

  it('is closed after a for-of loop runs out', () => {
    function* two(): Generator<number> {
      yield 1;
      yield 2;
    }
    const t = track(two());
    const seen: number[] = [];
    for (const v of t) seen.push(v);
    expect(seen).toEqual([1, 2]);
    expect(t.state).toBe('closed');
  });

  it('is closed after a for-of loop breaks, which calls return()', () => {
    let cleaned = 0;
    function* endless(): Generator<number> {
      try {
        for (let n = 0; ; n++) yield n;
      } finally {
        cleaned += 1;
      }
    }
    const t = track(endless());
    for (const v of t) if (v === 2) break;
    expect(t.state).toBe('closed');
    expect(cleaned).toBe(1);
  });
});

describe('3. Running, seen from inside', () => {
  it('reports running from inside the body, suspended and closed from outside', () => {
    const trace: GeneratorState[] = [];
    const t = trackSelf<number, void, unknown>(function* (me) {
      trace.push(me().state);
      yield 1;
      trace.push(me().state);
    });
    trace.push(t.state);
    t.next();
    trace.push(t.state);
    t.next();
    trace.push(t.state);
    expect(trace).toEqual(['created', 'running', 'suspended', 'running', 'closed']);
  });

  it('reports running inside a catch block reached by throw()', () => {
    const inside: GeneratorState[] = [];
    const t = trackSelf<string, void, unknown>(function* (me) {
      try {
        yield 'waiting';
      } catch {
        inside.push(me().state);
      }
    });
    t.next();
    t.throw(new Boom());
    expect(inside).toEqual(['running']);
    expect(t.state).toBe('closed');
  });

  it('reports running inside a finally block run by return()', () => {
    const inside: GeneratorState[] = [];
    const t = trackSelf<string, string, unknown>(function* (me) {
      try {
        yield 'waiting';
        return 'normal end';
      } finally {
        inside.push(me().state);
      }
    });
    t.next();
    expect(t.return('closed early')).toEqual({ value: 'closed early', done: true });
    expect(inside).toEqual(['running']);
    expect(t.state).toBe('closed');
  });

  it('reports running inside a finally block that an escaping error runs', () => {
    const inside: GeneratorState[] = [];
    const t = trackSelf<number, void, unknown>(function* (me) {
      try {
        yield 1;
        throw new Boom();
      } finally {
        inside.push(me().state);
      }
    });
    t.next();
    expect(() => t.next()).toThrow(Boom);
    expect(inside).toEqual(['running']);
    expect(t.state).toBe('closed');
  });
});

describe('4. No re-entry', () => {
  it('throws a TypeError when the body calls next() on itself', () => {
    const t = trackSelf<number, void, unknown>(function* (me) {
      me().next();
      yield 1;
    });
    expect(() => t.next()).toThrow(TypeError);
  });

  it('is closed afterwards when the body does not catch it, and done forever', () => {
    let after = false;
    const t = trackSelf<number, void, unknown>(function* (me) {
      yield 0;
      me().next();
      after = true;
      yield 1;
    });
    t.next();
    expect(() => t.next()).toThrow(TypeError);
    expect(after).toBe(false);
    expect(t.state).toBe('closed');
    expect(t.next()).toEqual({ value: undefined, done: true });
    expect(t.next()).toEqual({ value: undefined, done: true });
    expect(t.state).toBe('closed');
  });

  it('throws a TypeError for return() and throw() from inside too', () => {
    const caught: unknown[] = [];
    const t = trackSelf<number, void, unknown>(function* (me) {
      try {
        me().return();
      } catch (err) {
        caught.push(err);
      }
      try {
        me().throw(new Boom());
      } catch (err) {
        caught.push(err);
      }
      yield 1;
    });
    expect(t.next()).toEqual({ value: 1, done: false });
    expect(caught).toHaveLength(2);
    expect(caught[0]).toBeInstanceOf(TypeError);
    expect(caught[1]).toBeInstanceOf(TypeError);
  });

  it('leaves it running when the body catches a re-entrant return() or throw()', () => {
    const inside: unknown[] = [];
    const t = trackSelf<number, void, unknown>(function* (me) {
      try {
        me().return();
      } catch (err) {
        inside.push(err instanceof TypeError, me().state);
      }
      try {
        me().throw(new Boom());
      } catch (err) {
        inside.push(err instanceof TypeError, me().state);
      }
      yield 1;
    });
    expect(t.next()).toEqual({ value: 1, done: false });
    expect(inside).toEqual([true, 'running', true, 'running']);
    expect(t.state).toBe('suspended');
  });

  it('leaves it running when the body catches the error, and it goes on', () => {
    const inside: unknown[] = [];
    const t = trackSelf<string, string, unknown>(function* (me) {
      try {
        me().next();
      } catch (err) {
        inside.push(err instanceof TypeError, me().state);
      }
      yield 'still here';
      return 'done';
    });
    expect(t.next()).toEqual({ value: 'still here', done: false });
    expect(inside).toEqual([true, 'running']);
    expect(t.state).toBe('suspended');
    expect(t.next()).toEqual({ value: 'done', done: true });
    expect(t.state).toBe('closed');
  });
});

describe('5. throw() and return() from outside', () => {
  it('throw() on a just-created generator closes it without running the body', () => {
    const log: string[] = [];
    function* body(): Generator<number> {
      try {
        log.push('body');
        yield 1;
      } finally {
        log.push('finally');
      }
    }
    const t = track(body());
    const boom = new Boom('too early');
    expect(() => t.throw(boom)).toThrow(boom);
    expect(log).toEqual([]);
    expect(t.state).toBe('closed');
    expect(t.next()).toEqual({ value: undefined, done: true });
    expect(log).toEqual([]);
  });

  it('return() on a just-created generator closes it without running the body', () => {
    const log: string[] = [];
    function* body(): Generator<number, string> {
      try {
        log.push('body');
        yield 1;
        return 'normal end';
      } finally {
        log.push('finally');
      }
    }
    const t = track(body());
    expect(t.return('never started')).toEqual({ value: 'never started', done: true });
    expect(log).toEqual([]);
    expect(t.state).toBe('closed');
    expect(t.next()).toEqual({ value: undefined, done: true });
    expect(log).toEqual([]);
  });

  it('throw() and return() on a just-created generator close the wrapped generator too', () => {
    const log: string[] = [];
    function* body(): Generator<number> {
      log.push('body');
      yield 1;
    }
    const returned = body();
    track(returned).return(undefined);
    expect(returned.next()).toEqual({ value: undefined, done: true });
    const thrown = body();
    const boom = new Boom('too early');
    expect(() => track(thrown).throw(boom)).toThrow(boom);
    expect(thrown.next()).toEqual({ value: undefined, done: true });
    expect(log).toEqual([]);
  });

  it('return() on a suspended generator runs its finally and closes it', () => {
    const log: string[] = [];
    function* body(): Generator<number, string> {
      try {
        yield 1;
        yield 2;
        return 'normal end';
      } finally {
        log.push('finally');
      }
    }
    const t = track(body());
    t.next();
    expect(t.return('closed early')).toEqual({ value: 'closed early', done: true });
    expect(log).toEqual(['finally']);
    expect(t.state).toBe('closed');
  });

  it('return() leaves it suspended when its finally yields', () => {
    function* stubborn(): Generator<string, string> {
      try {
        yield 'working';
        return 'normal end';
      } finally {
        yield 'cleaning up';
      }
    }
    const t = track(stubborn());
    t.next();
    expect(t.return('closed early')).toEqual({ value: 'cleaning up', done: false });
    expect(t.state).toBe('suspended');
    expect(t.next()).toEqual({ value: 'closed early', done: true });
    expect(t.state).toBe('closed');
  });

  it('throw() the body catches leaves it suspended', () => {
    function* patient(): Generator<string> {
      for (;;) {
        try {
          yield 'waiting';
        } catch {
          yield 'recovered';
        }
      }
    }
    const t = track(patient());
    t.next();
    expect(t.throw(new Boom())).toEqual({ value: 'recovered', done: false });
    expect(t.state).toBe('suspended');
    expect(t.next()).toEqual({ value: 'waiting', done: false });
  });

  it('throw() the body does not catch closes it and reaches the caller', () => {
    function* fragile(): Generator<number> {
      yield 1;
      yield 2;
    }
    const t = track(fragile());
    t.next();
    const boom = new Boom('unhandled');
    expect(() => t.throw(boom)).toThrow(boom);
    expect(t.state).toBe('closed');
    expect(t.next()).toEqual({ value: undefined, done: true });
  });

  it('return(v) on a closed generator answers v, as the generator does', () => {
    function* one(): Generator<number, string> {
      yield 1;
      return 'the end';
    }
    const t = track(one());
    [...t];
    expect(t.return('late')).toEqual({ value: 'late', done: true });
    expect(t.state).toBe('closed');
  });

  it('throw() and return() on a closed generator change nothing', () => {
    function* one(): Generator<number, void> {
      yield 1;
    }
    const t = track(one());
    [...t];
    const boom = new Boom('late');
    expect(() => t.throw(boom)).toThrow(boom);
    expect(t.state).toBe('closed');
    expect(t.return(undefined)).toEqual({ value: undefined, done: true });
    expect(t.state).toBe('closed');
  });
});
