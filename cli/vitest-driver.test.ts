import { describe, expect, it } from 'vitest';
import { describeCrash } from './vitest-driver.ts';

describe('describeCrash', () => {
  it('names an unhandled rejection and where such errors come from', () => {
    expect(
      describeCrash({ type: 'Unhandled Rejection', name: 'Error', message: 'unhandled' }),
    ).toBe(
      'unhandled rejection escaped the tests (unhandled): an error thrown where nothing ' +
        'catches it, like a then() callback?',
    );
  });

  it('reads a dead worker as a crash, most likely out of memory', () => {
    expect(describeCrash({ message: 'Worker exited unexpectedly' })).toMatch(
      /^the test process crashed \(out of memory\?\)/,
    );
  });
});
