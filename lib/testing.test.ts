import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstN, naturals, probe, spied, sumInSmallHeap } from './testing.ts';

describe('test probes', () => {
  it('spied counts pulls, closes and opens', () => {
    const src = spied(naturals());
    for (const n of src) if (n === 2) break;
    expect({ pulls: src.pulls, returns: src.returns, opened: src.opened }).toEqual({
      pulls: 3,
      returns: 1,
      opened: 1,
    });
  });

  it('probe counts numeric reads', () => {
    const p = probe(4);
    expect(p + 1).toBe(5);
    expect(p > 3).toBe(true);
    expect(p.reads).toBe(2);
  });

  it('firstN pulls no more than it needs', () => {
    const src = spied(naturals());
    expect(firstN(src, 3)).toEqual([0, 1, 2]);
    expect(src.pulls).toBe(3);
  });
});

// That a lazy range of 50 million finishes there is exercise 01's own test, run on the solution.
describe('the small-heap child of the memory tests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yield-katas-heap-'));
  const file = join(dir, 'ranges.ts');
  writeFileSync(
    file,
    [
      'export function eager(n: number) { const a: number[] = []; for (let i = 0; i < n; i++) a.push(i); return a; }',
    ].join('\n'),
  );

  it('aborts an array-building range of 50 million (the control: the limit is tight enough)', () => {
    const run = sumInSmallHeap(file, 'eager', [50_000_000]);
    expect(run.status === 0 && run.signal === null).toBe(false);
  }, 60_000);
});
