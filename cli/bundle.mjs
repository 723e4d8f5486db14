// The CLI compiled ahead of time. bin/kata.js runs this build instead of loading the TypeScript
// through tsx, whose loader hooks run on a separate thread in Node 20: a round trip per module,
// about a third of a second of every start. The build lives in node_modules/.cache (ignored by
// git, like node_modules), is made on first use, and again when one of its sources changes.
// Plain JavaScript, so that bin/kata.js can call it before any TypeScript loads.
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const CACHE = join(ROOT, 'node_modules', '.cache', 'yield-katas-cli');
// One manifest per copy of the pack: copies that share node_modules (a link to it) share the cache,
// and a build holds its own copy's paths.
export const ROOT_ID = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
const MANIFEST = `current-${ROOT_ID}.json`;
const ENTRIES = { main: 'cli/main.ts', 'checker-worker': 'cli/checker-worker.ts' };
const BUILT_IN = /^zod(\/|$)/;
/** Bumped when the build's shape changes, so that an older build is not reused. */
const FORMAT = 3;
/** Builds older than this are removed: a process started from one may still load its chunks. */
const KEEP_OLD_MS = 60 * 60 * 1000;

/**
 * @typedef {{ format: number, root: string, dir: string, inputs: [string, number, number][] }} Manifest
 * @typedef {{ main: string, checkerWorker: string }} Build  file URLs of the entry modules
 */

/** The current build, made first if it is missing or older than one of its sources. */
export async function cliBuild(cache = CACHE) {
  return fresh(cache) ?? (await build(cache));
}

/** @returns {Build | undefined} */
function fresh(cache) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.format !== FORMAT) return undefined;
  for (const [file, mtimeMs, size] of manifest.inputs) {
    const now = statSync(file, { throwIfNoEntry: false });
    if (!now || now.mtimeMs !== mtimeMs || now.size !== size) return undefined;
  }
  return entries(join(cache, manifest.dir));
}

/** @returns {Build} */
function entries(dir) {
  return {
    main: pathToFileURL(join(dir, 'main.mjs')).href,
    checkerWorker: pathToFileURL(join(dir, 'checker-worker.mjs')).href,
  };
}

/** @returns {Promise<Build>} */
async function build(cache) {
  const { build: esbuild, transform } = await import('esbuild');
  /** @type {Map<string, [string, number, number]>} */
  const inputs = new Map();
  const record = (file) => {
    const { mtimeMs, size } = statSync(file);
    inputs.set(file, [file, mtimeMs, size]);
  };
  // Sources are stat'ed before they are read: one saved mid-build is seen as changed next time.
  for (const file of [import.meta.filename, join(ROOT, 'tsconfig.json')]) record(file);
  const name = `b${Date.now()}-${process.pid}`;
  const outdir = join(cache, name);
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // One chunk per lazily imported command, as the sources load them.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Class and function names stay as written: messages and checks read `.name`.
    keepNames: true,
    sourcemap: 'linked',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
    plugins: [
      {
        name: 'yield-katas:in-place',
        setup(b) {
          // Packages load from node_modules as they are (vitest relies on its own files' layout),
          // except these: built in, they load as one file instead of hundreds (zod: 190 modules,
          // a quarter of a second of every start).
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('node:') || BUILT_IN.test(args.path)) return undefined;
            return { path: args.path, external: true };
          });
          // Plain JavaScript modules are loaded from where they are: the checker's thread module
          // is shared with bin/kata.js, and CommonJS keeps its own require and __filename.
          b.onResolve({ filter: /^\.\.?\// }, (args) => {
            const file = resolve(args.resolveDir, args.path);
            if (/[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
            if (!['.js', '.mjs', '.cjs'].includes(extname(file))) return undefined;
            return { path: pathToFileURL(file).href, external: true };
          });
          // Each module keeps its own location: import.meta.url, dirname and filename are
          // replaced where they are expressions (esbuild's define), never in text or comments.
          b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
            record(args.path);
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
            const here = {
              'import.meta.url': JSON.stringify(pathToFileURL(args.path).href),
              'import.meta.dirname': JSON.stringify(dirname(args.path)),
              'import.meta.filename': JSON.stringify(args.path),
            };
            const { code } = await transform(source, {
              loader: 'ts',
              format: 'esm',
              target: 'node20',
              define: here,
              keepNames: true,
              sourcemap: 'inline',
              sourcefile: args.path,
              tsconfigRaw: readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'),
            });
            return { contents: code, loader: 'js' };
          });
        },
      },
    ],
  });
  /** @type {Manifest} */
  const manifest = { format: FORMAT, root: ROOT, dir: name, inputs: [...inputs.values()] };
  // Written whole, then renamed: a kata starting meanwhile reads the old manifest or this one.
  const temp = `${join(cache, MANIFEST)}.${process.pid}`;
  writeFileSync(temp, JSON.stringify(manifest));
  renameSync(temp, join(cache, MANIFEST));
  removeOldBuilds(cache);
  return entries(outdir);
}

/**
 * Removes builds no manifest names any more, once no process is likely to still load them, and
 * the manifests of copies of the pack that are gone (a grader's scratch copy, say).
 */
function removeOldBuilds(cache) {
  const entries = readdirSync(cache);
  const named = new Set();
  for (const entry of entries.filter((e) => /^current-\w+\.json$/.test(e))) {
    const file = join(cache, entry);
    try {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      const alive = typeof manifest.root === 'string' && existsSync(join(manifest.root, 'cli'));
      if (alive || Date.now() - statSync(file).mtimeMs < KEEP_OLD_MS) named.add(manifest.dir);
      else rmSync(file);
    } catch {
      // being replaced: its build is new, and kept by age
    }
  }
  for (const entry of entries) {
    if (named.has(entry) || !/^b\d+-\d+$/.test(entry)) continue;
    const dir = join(cache, entry);
    try {
      if (Date.now() - statSync(dir).mtimeMs > KEEP_OLD_MS) rmSync(dir, { recursive: true });
    } catch {
      // another kata removed it first
    }
  }
}
