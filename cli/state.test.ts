import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyState,
  fingerprint,
  readState,
  rememberedStatus,
  rememberResult,
  takeHint,
  updateState,
  writeState,
} from './state.ts';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'kata-state-')), '.kata', 'state.json');
}

describe('the state file', () => {
  it('starts empty when there is no file', () => {
    const warnings: string[] = [];
    expect(readState(tempFile(), (w) => warnings.push(w))).toEqual(emptyState());
    expect(warnings).toEqual([]);
  });

  it('writes atomically and reads back what it wrote, leaving no temporary file', () => {
    const file = tempFile();
    const state = emptyState();
    state.hints['01-lazy-range'] = 2;
    writeState(file, state);
    expect(readState(file, () => {})).toEqual(state);
    expect(readdirSync(join(file, '..'))).toEqual(['state.json']);
  });

  it('reports a corrupt file in one line and replaces it', () => {
    const file = tempFile();
    writeState(file, emptyState());
    writeFileSync(file, '{ "version": 1, "hints": ');
    const warnings: string[] = [];
    expect(readState(file, (w) => warnings.push(w))).toEqual(emptyState());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/was corrupt: .*replaced it/);
    expect(warnings[0]).not.toContain('\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(emptyState());
  });

  it('treats well-formed JSON of the wrong shape as corrupt', () => {
    const file = tempFile();
    writeState(file, emptyState());
    writeFileSync(file, JSON.stringify({ version: 1, hints: { a: 'two' } }));
    const warnings: string[] = [];
    readState(file, (w) => warnings.push(w));
    expect(warnings[0]).toContain('hints.a');
  });

  it('updates by reading, changing and writing', () => {
    const file = tempFile();
    updateState(
      file,
      (s) => void (s.hints.a = 1),
      () => {},
    );
    updateState(
      file,
      (s) => void (s.hints.b = 1),
      () => {},
    );
    expect(readState(file, () => {}).hints).toEqual({ a: 1, b: 1 });
  });
});

describe('takeHint', () => {
  it('advances one hint at a time, then repeats the last', () => {
    const state = emptyState();
    expect(takeHint(state, 'x', 3)).toEqual({ shown: 1, repeated: false });
    expect(takeHint(state, 'x', 3)).toEqual({ shown: 2, repeated: false });
    expect(takeHint(state, 'x', 3)).toEqual({ shown: 3, repeated: false });
    expect(takeHint(state, 'x', 3)).toEqual({ shown: 3, repeated: true });
    expect(takeHint(state, 'y', 3)).toEqual({ shown: 1, repeated: false });
  });
});

describe('remembered results', () => {
  it('hold only while the fingerprint matches', () => {
    const state = emptyState();
    rememberResult(state, '/a.ts', 'f1', { kind: 'done' });
    expect(rememberedStatus(state, '/a.ts', 'f1')).toEqual({ kind: 'done' });
    expect(rememberedStatus(state, '/a.ts', 'f2')).toBeUndefined();
    expect(rememberedStatus(state, '/b.ts', 'f1')).toBeUndefined();
  });

  it('fingerprints change with file contents, and a missing file is allowed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kata-fp-'));
    const a = join(dir, 'a.ts');
    writeFileSync(a, 'one');
    const first = fingerprint([a, join(dir, 'missing.ts')]);
    expect(fingerprint([a, join(dir, 'missing.ts')])).toBe(first);
    writeFileSync(a, 'two');
    expect(fingerprint([a, join(dir, 'missing.ts')])).not.toBe(first);
  });
});
