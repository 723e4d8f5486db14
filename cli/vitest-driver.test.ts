import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT, SOLUTIONS_DIR } from '../lib/catalog.ts';
import type { TestReport } from './results.ts';
import { describeCrash, VitestDriver } from './vitest-driver.ts';
describe('describeCrash', () => {
  afterEach(() => vi.unstubAllEnvs());

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

describe('VitestDriver in watch mode', () => {
  it('re-runs the watched tests when their learner file is saved, even one missing at first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-driver-'));
    const testFile = join(ROOT, 'exercises', '02-iterables', 'iterables.test.ts');
    const learner = join(dir, '02-iterables', 'iterables.ts');
    mkdirSync(join(dir, '02-iterables'));
    vi.stubEnv('KATA_DIR', dir);
    const ends: TestReport[] = [];
    let next: (() => void) | undefined;
    const rerun: string[][] = [];
    const driver = await VitestDriver.create({
      watch: true,
      learnerFileOf: () => learner,
      onRerun: (files) => rerun.push(files),
      onRunEnd: (reports) => {
        ends.push(reports.get(testFile)!);
        next?.();
      },
    });
    const nextEnd = () => new Promise<void>((resolve) => (next = resolve));
    try {
      driver.watchOnly([testFile]);
      // The exercise's folder is empty: the tests cannot load the file.
      const first = await driver.run([testFile]);
      expect(first.get(testFile)!.loadErrors[0]?.message).toMatch(/no file at/);

      // A file that did not exist is in no module graph: the save alone starts the run.
      let ended = nextEnd();
      cpSync(join(SOLUTIONS_DIR, '02-iterables', 'iterables.ts'), learner);
      await ended;
      expect(rerun).toEqual([[testFile]]);
      expect(ends.at(-1)!.loadErrors).toEqual([]);
      expect(ends.at(-1)!.tests.every((t) => t.state === 'passed')).toBe(true);

      // Through a test process started ahead, as the watch screen asks for one.
      driver.warmUp();
      ended = nextEnd();
      writeFileSync(learner, 'export class Range {}\nexport class RangeIterator {}\n');
      await ended;
      expect(rerun).toHaveLength(2);
      expect(ends.at(-1)!.tests.some((t) => t.state === 'failed')).toBe(true);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
