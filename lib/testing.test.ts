import { describe, expect, it } from 'vitest';
import { firstN, naturals, probe, spied, sumWatchingMemory } from './testing.ts';

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

// That a lazy range of 50 million stays within the bound is exercise 01's own test, on the solution.
describe('the memory watch of exercise 01', () => {
  it('counts memory outside the JS heap: a Float64Array of 50 million rises past the bound', () => {
    const run = sumWatchingMemory(() => new Float64Array(50_000_000), 10);
    expect(run.sum).toBe(0);
    expect(run.growthMiB).toBeGreaterThan(300);
  });

  it('stays low for a generator that holds nothing', () => {
    function* ones() {
      for (;;) yield 1;
    }
    const run = sumWatchingMemory(ones, 1_000_000);
    expect(run.sum).toBe(1_000_000);
    expect(run.growthMiB).toBeLessThan(32);
  });
});
