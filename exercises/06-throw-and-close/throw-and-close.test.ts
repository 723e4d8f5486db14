import { describe, expect, it } from 'vitest';
import { expectRealGenerator, spied } from '../../lib/testing.ts';
import { accumulate, Reset, withFooter, withResource, type Resource } from './throw-and-close';

/** What `fn` throws, whatever it is (an Error, null, a string); fails the test if nothing. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw, but the call returned normally');
}

class ReadError extends Error {}

/**
 * A Resource over `lines` that counts what is done to it. `failAt`: the readLine() call (0-based)
 * that throws a ReadError instead of answering.
 */
function fakeFile(lines: string[], failAt = -1) {
  const stats = { opened: 0, reads: 0, closed: 0 };
  const open = (): Resource => {
    stats.opened += 1;
    let i = 0;
    return {
      readLine() {
        stats.reads += 1;
        if (i === failAt) throw new ReadError(`cannot read line ${i}`);
        return lines[i++];
      },
      close() {
        stats.closed += 1;
      },
    };
  };
  return { open, stats };
}

describe('1. Reset on request', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(accumulate, 'accumulate', () => accumulate());
  });

  it('starts at 0 and yields the running total of the numbers sent', () => {
    const acc = accumulate();
    expect(acc.next()).toEqual({ value: 0, done: false });
    expect(acc.next(5)).toEqual({ value: 5, done: false });
    expect(acc.next(7)).toEqual({ value: 12, done: false });
    expect(acc.next(-2)).toEqual({ value: 10, done: false });
  });

  it('adds nothing for a bare next()', () => {
    const acc = accumulate();
    acc.next();
    acc.next(3);
    expect(acc.next()).toEqual({ value: 3, done: false });
  });

  it('answers throw(new Reset()) with the next yield: a total of 0', () => {
    const acc = accumulate();
    acc.next();
    acc.next(5);
    acc.next(7);
    expect(acc.throw(new Reset())).toEqual({ value: 0, done: false });
  });

  it('goes on counting from 0 after a reset', () => {
    const acc = accumulate();
    acc.next();
    acc.next(5);
    acc.throw(new Reset());
    expect(acc.next(4)).toEqual({ value: 4, done: false });
    expect(acc.next(6)).toEqual({ value: 10, done: false });
  });

  it('survives any number of resets in a row', () => {
    const acc = accumulate();
    acc.next();
    for (let i = 0; i < 3; i++) {
      acc.next(i + 1);
      expect(acc.throw(new Reset())).toEqual({ value: 0, done: false });
      expect(acc.throw(new Reset())).toEqual({ value: 0, done: false });
    }
    expect(acc.next(1)).toEqual({ value: 1, done: false });
  });

  it('handles a subclass of Reset too', () => {
    class HardReset extends Reset {}
    const acc = accumulate();
    acc.next();
    acc.next(9);
    expect(acc.throw(new HardReset())).toEqual({ value: 0, done: false });
  });
});

describe('2. Other errors end it', () => {
  it('lets an error it does not handle out of throw(), unchanged', () => {
    const acc = accumulate();
    acc.next();
    const err = new RangeError('bad input');
    expect(thrownBy(() => acc.throw(err))).toBe(err);
  });

  it('is finished after that: next() is done forever', () => {
    const acc = accumulate();
    acc.next();
    acc.next(5);
    thrownBy(() => acc.throw(new TypeError('bad')));
    expect(acc.next(1)).toEqual({ value: undefined, done: true });
    expect(acc.next(1)).toEqual({ value: undefined, done: true });
  });

  it('lets null and strings out unchanged', () => {
    const a = accumulate();
    a.next();
    expect(thrownBy(() => a.throw(null))).toBe(null);
    const b = accumulate();
    b.next();
    expect(thrownBy(() => b.throw('oops'))).toBe('oops');
  });

  it('decides by class, not by name: an Error named Reset still ends it', () => {
    const acc = accumulate();
    acc.next();
    const impostor = Object.assign(new Error('not a real Reset'), { name: 'Reset' });
    expect(thrownBy(() => acc.throw(impostor))).toBe(impostor);
    expect(acc.next(1)).toEqual({ value: undefined, done: true });
  });
});

describe('3. Release exactly once', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(withResource, 'withResource', () =>
      withResource(fakeFile(['a', 'b']).open),
    );
  });

  it('opens nothing until the first next()', () => {
    const { open, stats } = fakeFile(['a']);
    const g = withResource(open);
    expect(stats.opened).toBe(0);
    g.next();
    expect(stats.opened).toBe(1);
  });

  it('yields the lines, one readLine() per next()', () => {
    const { open, stats } = fakeFile(['a', 'b', 'c']);
    const g = withResource(open);
    expect(g.next()).toEqual({ value: 'a', done: false });
    expect(stats.reads).toBe(1);
    expect(g.next()).toEqual({ value: 'b', done: false });
    expect(stats.reads).toBe(2);
  });

  it('keeps empty lines: only undefined ends the lines', () => {
    const { open } = fakeFile(['a', '', 'b']);
    expect([...withResource(open)]).toEqual(['a', '', 'b']);
  });

  it('closes exactly once after the last line', () => {
    const { open, stats } = fakeFile(['a', 'b', 'c']);
    const g = withResource(open);
    expect([...g]).toEqual(['a', 'b', 'c']);
    expect(stats).toEqual({ opened: 1, reads: 4, closed: 1 });
    g.next();
    g.return();
    expect(stats.closed).toBe(1);
  });

  it('closes exactly once when return() is called halfway', () => {
    const { open, stats } = fakeFile(['a', 'b', 'c']);
    const g = withResource(open);
    g.next();
    expect(stats.closed).toBe(0);
    expect(g.return()).toEqual({ value: undefined, done: true });
    expect(stats).toEqual({ opened: 1, reads: 1, closed: 1 });
    g.return();
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(stats.closed).toBe(1);
  });

  it('closes exactly once when a for-of loop breaks', () => {
    const { open, stats } = fakeFile(['a', 'b', 'c']);
    for (const line of withResource(open)) {
      if (line === 'b') break;
    }
    expect(stats).toEqual({ opened: 1, reads: 2, closed: 1 });
  });

  it('closes exactly once when an error is thrown in, and lets the error out', () => {
    const { open, stats } = fakeFile(['a', 'b']);
    const g = withResource(open);
    g.next();
    const err = new Error('caller gave up');
    expect(thrownBy(() => g.throw(err))).toBe(err);
    expect(stats.closed).toBe(1);
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(stats.closed).toBe(1);
  });

  it('closes exactly once when readLine() fails, and lets the error out', () => {
    const { open, stats } = fakeFile(['a', 'b', 'c'], 1);
    const g = withResource(open);
    g.next();
    expect(thrownBy(() => g.next())).toBeInstanceOf(ReadError);
    expect(stats.closed).toBe(1);
  });

  it('closes exactly once when the very first readLine() fails', () => {
    const { open, stats } = fakeFile(['a', 'b'], 0);
    const g = withResource(open);
    expect(thrownBy(() => g.next())).toBeInstanceOf(ReadError);
    expect(stats).toEqual({ opened: 1, reads: 1, closed: 1 });
    expect(g.next()).toEqual({ value: undefined, done: true });
  });
});

describe('4. Nothing before the start', () => {
  it('return() on a new withResource generator opens nothing and closes nothing', () => {
    const { open, stats } = fakeFile(['a']);
    const g = withResource(open);
    expect(g.return()).toEqual({ value: undefined, done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(stats).toEqual({ opened: 0, reads: 0, closed: 0 });
  });

  it('throw() on a new withResource generator lets the error out, opening nothing', () => {
    const { open, stats } = fakeFile(['a']);
    const g = withResource(open);
    const err = new Error('never mind');
    expect(thrownBy(() => g.throw(err))).toBe(err);
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(stats).toEqual({ opened: 0, reads: 0, closed: 0 });
  });

  it('a Reset thrown into a new accumulate escapes: its catch is not entered yet', () => {
    const acc = accumulate();
    const reset = new Reset();
    expect(thrownBy(() => acc.throw(reset))).toBe(reset);
    expect(acc.next(1)).toEqual({ value: undefined, done: true });
  });
});

describe('5. A yield in finally', () => {
  it('each call returns a new, real generator object', () => {
    expectRealGenerator(withFooter, 'withFooter', () => withFooter(['a', 'b'], 'end'));
  });

  it('yields the lines, then the footer', () => {
    expect([...withFooter(['a', 'b'], 'END')]).toEqual(['a', 'b', 'END']);
  });

  it('yields only the footer when there are no lines', () => {
    expect([...withFooter([], 'END')]).toEqual(['END']);
  });

  it('answers return() halfway with the footer, and done: false', () => {
    const g = withFooter(['a', 'b', 'c'], 'END');
    g.next();
    expect(g.return('bye')).toEqual({ value: 'END', done: false });
  });

  it('finishes with the value given to return() on the next next()', () => {
    const g = withFooter(['a', 'b', 'c'], 'END');
    g.next();
    g.return('bye');
    expect(g.next()).toEqual({ value: 'bye', done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
  });

  it('answers throw() halfway with the footer, then throws the error on the next next()', () => {
    const g = withFooter(['a', 'b'], 'END');
    g.next();
    const err = new Error('stop');
    expect(g.throw(err)).toEqual({ value: 'END', done: false });
    expect(thrownBy(() => g.next())).toBe(err);
    expect(g.next()).toEqual({ value: undefined, done: true });
  });

  it('closes the source of lines before the footer comes out', () => {
    const src = spied(['a', 'b', 'c']);
    const g = withFooter(src, 'END');
    g.next();
    expect(src.returns).toBe(0);
    g.return();
    expect(src.returns).toBe(1);
    g.next();
    expect(src.returns).toBe(1);
  });

  it('does not close a source it read to the end', () => {
    const src = spied(['a', 'b']);
    expect([...withFooter(src, 'END')]).toEqual(['a', 'b', 'END']);
    expect(src.returns).toBe(0);
  });

  it('reads one line per next()', () => {
    const src = spied(['a', 'b', 'c']);
    const g = withFooter(src, 'END');
    expect(src.opened).toBe(0);
    g.next();
    g.next();
    expect(src.pulls).toBe(2);
  });

  it('skips the footer when return() comes before the start', () => {
    const src = spied(['a']);
    const g = withFooter(src, 'END');
    expect(g.return('early')).toEqual({ value: 'early', done: true });
    expect(g.next()).toEqual({ value: undefined, done: true });
    expect(src.opened).toBe(0);
  });

  it('loses the footer to a for-of break: the loop ignores what return() answers', () => {
    const src = spied(['a', 'b', 'c']);
    const seen: string[] = [];
    for (const line of withFooter(src, 'END')) {
      seen.push(line);
      if (line === 'a') break;
    }
    expect(seen).toEqual(['a']);
    expect(src.returns).toBe(1);
  });
});
