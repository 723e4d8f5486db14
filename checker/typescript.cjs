// The TypeScript bundled with ts-morph, loaded here by hand, for speed (it is most of the
// checker's cold start):
// - by CommonJS, not through ESM: when Node 20 imports a CommonJS package through ESM (and loader
//   hooks such as tsx's), it lexes every file the package requires, 9 MB, for export names;
// - the compiler file itself, not ts-morph: the checker needs only the parser and, rarely, the
//   type checker, not ts-morph's own 4 MB of wrappers;
// - with V8's code cache (what Node 22's module.enableCompileCache does, missing in Node 20):
//   compiling 9 MB costs about 400 ms a start; the cache, written when a run ends, holds the
//   bytecode of the functions that run used, the parser's above all;
// - as latin1 when it is ASCII (it is), sparing the UTF-8 decoding of 9 MB.
// It becomes the module instance ts-morph itself would load. Types: typescript.d.cts.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { isAscii } = require('node:buffer');

const file = Module.createRequire(Module.createRequire(__filename).resolve('ts-morph')).resolve(
  '@ts-morph/common/dist/typescript.js',
);
module.exports = Module._cache[file]?.exports ?? load(file);

function load(file) {
  const stat = fs.statSync(file);
  const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'yield-katas-typescript');
  const key = `${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}.bin`;
  const cacheFile = path.join(cacheDir, key);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes one.
  }
  // The file is ASCII: read as latin1 it is the same string, without 100 ms of UTF-8 decoding.
  const bytes = fs.readFileSync(file);
  const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString('utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only install runs without the cache, only slower.
      }
    });
  }
  return mod.exports;
}
