import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../lib/catalog.ts';
import { cliBuild } from './bundle.mjs';

const cache = mkdtempSync(join(tmpdir(), 'kata-build-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const manifestOf = () => readdirSync(cache).find((f) => f.startsWith('current-'))!;

describe("the CLI's build", () => {
  it('keeps each module’s own location, and is built again only when a source changes', async () => {
    const first = await cliBuild(cache);
    const dir = join(fileURLToPath(first.main), '..');
    const code = readdirSync(dir)
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    // lib/paths.ts finds the pack from its own folder; the build must not move it.
    expect(code).toContain(JSON.stringify(join(ROOT, 'lib')));
    expect(code).not.toMatch(/import\.meta\.(url|dirname|filename)/);
    // The checker's thread module is loaded where it lies, shared with bin/kata.js.
    expect(code).toContain(JSON.stringify(new URL('./checker-thread.mjs', import.meta.url).href));

    expect(await cliBuild(cache)).toEqual(first);

    // A source whose size or time differs from the build's record: built again.
    const file = join(cache, manifestOf());
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.inputs[1][1] -= 1000;
    writeFileSync(file, JSON.stringify(manifest));
    const second = await cliBuild(cache);
    expect(second.main).not.toBe(first.main);
    expect(await cliBuild(cache)).toEqual(second);
  }, 60_000);
});
