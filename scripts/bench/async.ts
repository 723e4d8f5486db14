// Async: exercise 17's mapConcurrent against a plain for-await loop and the ideal schedule, on a
// virtual clock; the cost per chunk of exercise 16's async generator against exercise 15's class.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pc from 'picocolors';
import { SOLUTIONS_DIR } from '../../lib/catalog.ts';
import { median, ratio, RUNS, table } from './util.ts';

export const title = 'async';

type Pipelines = typeof import('../../solutions/17-async-pipelines/async-pipelines.ts');
type ClassKata = typeof import('../../solutions/15-async-streamer-class/async-streamer-class.ts');
type GeneratorKata = typeof import('../../solutions/16-async-generator/async-generator.ts');

const load = async <T>(id: string, file: string): Promise<T> =>
  (await import(pathToFileURL(join(SOLUTIONS_DIR, id, file)).href)) as T;

/**
 * Simulated I/O on a virtual clock: sleep(ms) settles when the clock reaches it, and the clock
 * jumps to the next timer whenever the event loop has nothing else to do. Makespans are exact and
 * the bench does not wait for real; the wall time it takes is the code's own overhead.
 */
class VirtualClock {
  now = 0;
  #timers: { at: number; wake: () => void }[] = [];

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      const at = this.now + ms;
      // Few timers are pending at once (at most the concurrency): a sorted array is enough.
      let i = this.#timers.length;
      while (i > 0 && this.#timers[i - 1]!.at > at) i--;
      this.#timers.splice(i, 0, { at, wake });
    });
  }

  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    void work.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      // setImmediate runs after every queued microtask: nothing else can start a timer now.
      await new Promise((resolve) => setImmediate(resolve));
      const next = this.#timers[0];
      if (!next) continue;
      this.now = next.at;
      while (this.#timers[0]?.at === this.now) this.#timers.shift()!.wake();
    }
    return work;
  }
}

/** 0, 1, ..., n - 1 as an async source. */
async function* items(n: number): AsyncGenerator<number, void, undefined> {
  for (let i = 0; i < n; i++) yield i;
}

/** Durations from 1 to 20 ms, the same every run (a linear congruential generator). */
function durations(n: number): number[] {
  let seed = 525;
  return Array.from({ length: n }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + (seed % 20);
  });
}

async function mapConcurrentFigures(): Promise<void> {
  const { mapConcurrent } = await load<Pipelines>('17-async-pipelines', 'async-pipelines.ts');
  const n = 10_000;
  const concurrency = 16;
  const cost = durations(n);
  const total = cost.reduce((a, b) => a + b, 0);
  const ideal = total / concurrency;

  const measure = async (consume: (clock: VirtualClock) => Promise<number>) => {
    const clock = new VirtualClock();
    const t0 = performance.now();
    const count = await clock.run(consume(clock));
    if (count !== n) throw new Error(`bench: expected ${n} results, got ${count}`);
    return { makespan: clock.now, wallMs: performance.now() - t0 };
  };
  const plain = await measure(async (clock) => {
    let count = 0;
    for await (const i of items(n)) {
      await clock.sleep(cost[i]!);
      count += 1;
    }
    return count;
  });
  const concurrent = (ordered: boolean) =>
    measure(async (clock) => {
      let count = 0;
      const io = async (i: number) => {
        await clock.sleep(cost[i]!);
        return i;
      };
      for await (const _ of mapConcurrent(items(n), io, { concurrency, ordered })) count += 1;
      return count;
    });
  const ordered = await concurrent(true);
  const unordered = await concurrent(false);

  console.log(
    pc.bold(
      `\nAsync: mapConcurrent over ${n.toLocaleString('en')} items of simulated I/O ` +
        `(1-20 ms each, virtual clock), concurrency ${concurrency}`,
    ),
  );
  const us = (ms: number) => `${((ms * 1000) / n).toFixed(1)} µs`;
  table([
    ['', 'virtual time', 'vs ideal', 'target', 'wall per item'],
    ['ideal: total work / concurrency', `${ideal.toFixed(0)} ms`, '1.00x', '', ''],
    [
      'plain for await (baseline)',
      `${plain.makespan} ms`,
      ratio(plain.makespan, ideal),
      '',
      us(plain.wallMs),
    ],
    [
      'mapConcurrent, ordered',
      `${ordered.makespan} ms`,
      ratio(ordered.makespan, ideal),
      '≤ 1.20x',
      us(ordered.wallMs),
    ],
    [
      'mapConcurrent, unordered',
      `${unordered.makespan} ms`,
      ratio(unordered.makespan, ideal),
      '≤ 1.20x',
      us(unordered.wallMs),
    ],
  ]);
}

async function streamerFigures(): Promise<void> {
  const { AsyncDataStreamer } = await load<ClassKata>(
    '15-async-streamer-class',
    'async-streamer-class.ts',
  );
  const { asyncDataStreamer } = await load<GeneratorKata>(
    '16-async-generator',
    'async-generator.ts',
  );
  const limit = 100_000;
  // An instant read: what is left is the cost of the streamer itself.
  const recv = (no: number, size: number) => Promise.resolve(`[chunk ${no} (${size})]`);
  const drain = async (stream: AsyncIterable<string>) => {
    let n = 0;
    for await (const _ of stream) n += 1;
    if (n !== limit) throw new Error(`bench: expected ${limit} chunks, got ${n}`);
  };
  const cases: [string, () => Promise<void>][] = [
    [
      'await recv() in a loop (baseline)',
      async () => {
        for (let no = 0; no < limit; no++) await recv(no, 1024);
      },
    ],
    ['async function* (16)', () => drain(asyncDataStreamer({ limit, recv }))],
    ['class with a queue (15)', () => drain(new AsyncDataStreamer({ limit, recv }))],
  ];
  const perChunk = new Map<string, number>();
  for (const [name, run] of cases) {
    const samples: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      await run();
      samples.push(((performance.now() - t0) * 1e6) / limit);
    }
    perChunk.set(name, median(samples));
  }
  const base = perChunk.get(cases[0]![0])!;
  console.log(
    pc.bold(
      `\nAsync: cost per chunk of the streamers, ${limit.toLocaleString('en')} instant reads`,
    ),
  );
  table([
    ['', 'per chunk', 'vs baseline'],
    ...cases.map(([name]) => [
      name,
      `${perChunk.get(name)!.toFixed(0)} ns`,
      ratio(perChunk.get(name)!, base),
    ]),
  ]);
}

export async function run(): Promise<void> {
  await mapConcurrentFigures();
  await streamerFigures();
}
