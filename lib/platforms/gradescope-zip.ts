/**
 * The Gradescope autograder zip: setup.sh and run_autograder at the root (Gradescope looks for
 * them there), beside the pack's runtime files (what `kata grade` needs: no solutions, no tooling
 * tests, no node_modules; setup.sh installs those with npm ci).
 */
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import type { GradescopeVisibility } from './gradescope-schema.ts';

/** What the zip takes from the pack's root: everything else stays out. */
const PACK_ENTRIES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vitest.config.ts',
  'README.md',
  'bin',
  'cli',
  'checker',
  'lib',
  'exercises',
];

const TEMPLATES = join(import.meta.dirname, 'templates');

export interface GradescopeZipOptions {
  /** The pack's root folder. */
  root: string;
  /** Node.js release setup.sh installs when the image has none new enough, like `v20.19.0`. */
  nodeVersion: string;
  visibility?: GradescopeVisibility;
  /** Per-exercise timeout, seconds (kata grade's --timeout). */
  timeout?: number;
}

/** The pack files the zip holds, relative to the root, with `/` separators, sorted. */
export function packFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) walk(path);
      // The tooling's own tests are not needed to grade; the exercises' tests are the point.
      else if (entry.isFile() && !(rel.endsWith('.test.ts') && !rel.startsWith('exercises/'))) {
        files.push(rel);
      }
    }
  };
  for (const name of PACK_ENTRIES) {
    const path = join(root, name);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else files.push(name);
  }
  return files.sort();
}

/** The two scripts, filled in. */
export function gradescopeScripts(o: GradescopeZipOptions): { setup: string; run: string } {
  const args = [
    ...(o.visibility ? ['--visibility', o.visibility] : []),
    ...(o.timeout ? ['--timeout', String(o.timeout)] : []),
  ].join(' ');
  const setup = readFileSync(join(TEMPLATES, 'setup.sh'), 'utf8').replace(
    '__NODE_VERSION__',
    o.nodeVersion,
  );
  const run = readFileSync(join(TEMPLATES, 'run_autograder'), 'utf8').replace(
    ' __KATA_ARGS__',
    args ? ` ${args}` : '',
  );
  return { setup, run };
}

/** Writes the zip to `out` and returns the number of files in it. */
export async function writeGradescopeZip(out: string, o: GradescopeZipOptions): Promise<number> {
  const zip = new yazl.ZipFile();
  // A fixed date keeps two exports of the same pack byte-identical.
  const mtime = new Date('2000-01-01T00:00:00Z');
  const { setup, run } = gradescopeScripts(o);
  zip.addBuffer(Buffer.from(setup), 'setup.sh', { mtime, mode: 0o100755 });
  zip.addBuffer(Buffer.from(run), 'run_autograder', { mtime, mode: 0o100755 });
  const files = packFiles(o.root);
  for (const rel of files) {
    const mode = rel.startsWith('bin/') ? 0o100755 : 0o100644;
    zip.addBuffer(readFileSync(join(o.root, rel)), rel, { mtime, mode });
  }
  zip.end();
  const stream = zip.outputStream.pipe(createWriteStream(out));
  await finished(stream);
  return files.length + 2;
}
