import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubmissionError } from './stage.ts';
import { unzipSubmission, ZIP_MAX_BYTES, ZIP_MAX_ENTRIES } from './unzip.ts';

it('caps a real zip at 2000 files and 50 MiB', () => {
  expect([ZIP_MAX_ENTRIES, ZIP_MAX_BYTES]).toEqual([2000, 50 * 2 ** 20]);
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kata-unzip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A zip of `entries` (name → text, or a link target), as a Buffer. */
function zipOf(
  entries: { name: string; text?: string; size?: number; link?: string }[],
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (e.link !== undefined) zip.addBuffer(Buffer.from(e.link), e.name, { mode: 0o120777 });
    else zip.addBuffer(e.size ? Buffer.alloc(e.size) : Buffer.from(e.text ?? ''), e.name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

// Small caps keep the test quick; the defaults are ZIP_MAX_ENTRIES and ZIP_MAX_BYTES.
const LIMITS = { maxEntries: 20, maxBytes: 1 << 20 };

async function unzip(zip: Buffer): Promise<string> {
  const file = join(dir, 'student.zip');
  writeFileSync(file, zip);
  const target = join(dir, 'out');
  await unzipSubmission(file, target, LIMITS);
  return target;
}

describe('unzipSubmission', () => {
  it('unpacks files into their folders', async () => {
    const target = await unzip(await zipOf([{ name: '01-lazy-range/lazy-range.ts', text: 'x' }]));
    expect(readFileSync(join(target, '01-lazy-range/lazy-range.ts'), 'utf8')).toBe('x');
  });

  it('refuses a link', async () => {
    const zip = await zipOf([{ name: '01-lazy-range/lazy-range.ts', link: '/etc/passwd' }]);
    await expect(unzip(zip)).rejects.toThrow(/link/);
    expect(existsSync(join(dir, 'out', '01-lazy-range', 'lazy-range.ts'))).toBe(false);
  });

  it('refuses a name that leaves the folder', async () => {
    // yazl will not write `..`: write `xx`, then patch the name in both headers.
    const zip = await zipOf([{ name: 'xx/evil.ts', text: 'x' }]);
    const patched = Buffer.from(
      zip.toString('latin1').replaceAll('xx/evil.ts', '../evil.ts'),
      'latin1',
    );
    await expect(unzip(patched)).rejects.toBeInstanceOf(SubmissionError);
    expect(existsSync(join(dir, 'evil.ts'))).toBe(false);
  });

  it('stops at the byte cap, counting what arrives, not what the headers say', async () => {
    // Zeros compress to almost nothing: a small zip that would unpack past the cap.
    const zip = await zipOf([{ name: 'big.ts', size: LIMITS.maxBytes + 1024 }]);
    expect(zip.length).toBeLessThan(LIMITS.maxBytes / 100);
    await expect(unzip(zip)).rejects.toThrow(/more than \d+ MiB/);
  });

  it('stops at the file cap', async () => {
    const many = Array.from({ length: LIMITS.maxEntries + 1 }, (_, i) => ({ name: `f${i}.ts` }));
    await expect(unzip(await zipOf(many))).rejects.toThrow(/more than \d+ files/);
  });

  it('calls a file that is not a zip corrupt, as a SubmissionError', async () => {
    await expect(unzip(Buffer.from('PK\x03\x04 not a zip'))).rejects.toBeInstanceOf(
      SubmissionError,
    );
  });
});
