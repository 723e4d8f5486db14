/**
 * The learner's progress between runs, in `.kata/state.json` at the pack's root (gitignored):
 * how many hints each exercise has shown, and the last verdict on each learner file with a
 * fingerprint of what it was judged on. `KATA_STATE` points elsewhere (the runner's own tests).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { ROOT } from '../lib/catalog.ts';
import type { Status } from './results.ts';

const StatusSchema = z.union([
  z.object({ kind: z.literal('done') }),
  z.object({ kind: z.literal('failing'), failed: z.number(), total: z.number() }),
  z.object({ kind: z.literal('checker'), essential: z.number() }),
  z.object({ kind: z.literal('not-started') }),
  z.object({ kind: z.literal('error'), reason: z.string() }),
]);

const StateSchema = z.object({
  version: z.literal(1),
  /** Exercise id → how many hints have been shown. */
  hints: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Learner file (absolute path) → the last verdict and the fingerprint it was given for. */
  results: z
    .record(z.string(), z.object({ fingerprint: z.string(), status: StatusSchema }))
    .default({}),
});

export type KataState = z.infer<typeof StateSchema>;

export function emptyState(): KataState {
  return { version: 1, hints: {}, results: {} };
}

export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  const custom = env.KATA_STATE?.trim();
  return custom ? resolve(custom) : join(ROOT, '.kata', 'state.json');
}

/**
 * Reads the state file. A missing file is a fresh start; a corrupt one is reported in one line
 * through `warn` and replaced by a fresh state, so a bad file never stops the runner.
 */
export function readState(file: string, warn: (line: string) => void): KataState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    warn(`${shown(file)}: unreadable (${(err as Error).message}); progress starts afresh.`);
    return emptyState();
  }
  let problem: string | undefined;
  let state: KataState | undefined;
  try {
    const parsed = StateSchema.safeParse(JSON.parse(text));
    if (parsed.success) state = parsed.data;
    else problem = `unexpected content at ${parsed.error.issues[0]!.path.join('.') || 'top level'}`;
  } catch (err) {
    problem = `not valid JSON (${(err as Error).message})`;
  }
  if (state) return state;
  warn(`${shown(file)} was corrupt: ${problem}; replaced it with a fresh one.`);
  const fresh = emptyState();
  try {
    writeState(file, fresh);
  } catch {
    // Reported when the next write fails; reading must not.
  }
  return fresh;
}

/** Writes atomically: a temporary file beside the target, then a rename over it. */
export function writeState(file: string, state: KataState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Read, change, write: other `kata` processes may have written in between. */
export function updateState(
  file: string,
  change: (state: KataState) => void,
  warn: (line: string) => void,
): KataState {
  const state = readState(file, warn);
  change(state);
  writeState(file, state);
  return state;
}

/** Records a verdict for a learner file. */
export function rememberResult(
  state: KataState,
  learnerFile: string,
  fingerprint: string,
  status: Status,
): void {
  // A first report whose heavy tests are still to run is no verdict on the file.
  if (status.kind === 'heavy') return;
  state.results[learnerFile] = { fingerprint, status };
}

/** The remembered verdict, if the files it was given for are unchanged. */
export function rememberedStatus(
  state: KataState,
  learnerFile: string,
  fingerprint: string,
): Status | undefined {
  const entry = state.results[learnerFile];
  return entry && entry.fingerprint === fingerprint ? entry.status : undefined;
}

/**
 * Takes the next hint of an exercise with `count` hints: 1-based, and `repeated` once all have
 * been shown (the last one is shown again).
 * @example takeHint(emptyState(), '01-lazy-range', 4) // { shown: 1, repeated: false }
 */
export function takeHint(
  state: KataState,
  id: string,
  count: number,
): { shown: number; repeated: boolean } {
  const before = state.hints[id] ?? 0;
  const repeated = before >= count;
  const shown = Math.min(before + 1, count);
  state.hints[id] = shown;
  return { shown, repeated };
}

/** A hash of the files' contents (a missing file counts as its own content). */
export function fingerprint(files: readonly string[]): string {
  const hash = createHash('sha1');
  for (const file of files) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('\0missing');
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
