// Shared measuring tools of the bench sections: medians of whole commands, peak RSS of children.
import { spawn, spawnSync } from 'node:child_process';
import pc from 'picocolors';
import { ROOT } from '../../lib/catalog.ts';

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
delete env.NODE_OPTIONS;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
export function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [i, r] of rows.entries()) {
    const line = r
      .map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join('  ');
    console.log(i === 0 ? pc.bold(line) : line);
  }
}

/** Peak RSS (KiB) of a child Node that runs `script` with TypeScript support. */
export function peakRss(script: string): number {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `${script}\nprocess.stdout.write(String(process.resourceUsage().maxRSS));`,
    ],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`memory child failed: ${r.stderr.slice(-500)}`);
  return Number(r.stdout.trim().split(/\D+/).pop());
}

/** Median wall time (ms) of a command. */
export function time(args: string[], extraEnv: Record<string, string> = {}): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(args[0]!, args.slice(1), {
      cwd: ROOT,
      env: { ...env, ...extraEnv },
      encoding: 'utf8',
    });
    samples.push(performance.now() - t0);
    if (r.status === null) throw new Error(`${args.join(' ')} was killed`);
  }
  return median(samples);
}

/** Paths of the CLIs the sections time. */
export const vitestBin = `${ROOT}/node_modules/vitest/vitest.mjs`;
export const kataBin = `${ROOT}/bin/kata.js`;

/**
 * Runs a command in its own process group and waits for it, killing the whole group after
 * `capMs`: vitest's workers outlive a killed main process, and one left spinning in an endless
 * loop would skew every figure measured after it. Resolves whether the cap stopped it.
 */
export function runGroupCapped(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; capMs: number },
): Promise<{ capped: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: 'ignore',
      detached: true,
    });
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    };
    let capped = false;
    const timer = setTimeout(() => {
      capped = true;
      killGroup();
    }, options.capMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      killGroup(); // workers left behind by a main process that exited
      resolve({ capped });
    });
  });
}
