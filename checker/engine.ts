/**
 * The engine: reads and parses each file once, gathers the sibling files it imports, runs the
 * compiled rules over them and turns their issues into findings. Files that cannot be checked
 * (missing, unparsable, too deep) become findings too, never crashes.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseFolderName } from '../lib/catalog.ts';
import type { Check } from '../lib/meta.ts';
import { ts } from './ast.ts';
import { resolveExport, resolveLocal, resolveValue, type Loader } from './exports.ts';
import { tidy, type Finding, type Severity } from './finding.ts';
import { Module } from './module.ts';
import { compileChecks } from './registry.ts';
import type { Issue, RuleContext } from './rule.ts';
import { candidates, CODE_EXTENSIONS, loadedSpecifiers } from './files.ts';
import { scopeOf } from './scope.ts';

export interface Source {
  /** Where the file is (or should be); findings carry it made absolute. */
  path: string;
  /** The file's text; read from `readFile` when absent. */
  text?: string;
  /** The exercise's `checks` from meta.json. */
  checks: readonly Check[];
}

export interface EngineOptions {
  /** Reads a file, undefined when it does not exist. Defaults to the disk. */
  readFile?: (path: string) => string | undefined;
  /** Also run the base rules (default true). Rule tests turn them off to test one rule. */
  base?: boolean;
}

type Loaded = Module | { failure: 'missing-file' | 'too-deep' };

export function readFromDisk(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A folder where the file should be is as good as no file (EISDIR).
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw err;
  }
}

/** Checks several files, sharing one parse of each file (and of shared siblings) across rules. */
export function checkSources(sources: readonly Source[], options: EngineOptions = {}): Finding[] {
  const readFile = options.readFile ?? readFromDisk;
  const texts = new Map(
    sources.filter((s) => s.text !== undefined).map((s) => [resolve(s.path), s.text!]),
  );
  const cache = new Map<string, Loaded>();
  const loadPath = (path: string): Loaded => {
    let loaded = cache.get(path);
    if (!loaded) {
      const text = texts.get(path) ?? readFile(path);
      loaded = text === undefined ? { failure: 'missing-file' } : parseSafely(path, text);
      cache.set(path, loaded);
    }
    return loaded;
  };
  const findings: Finding[] = [];
  const configs = new Map<string, Finding[]>();
  for (const source of sources) {
    const checks = compileChecks(source.checks, 'checks', options.base !== false);
    const path = resolve(source.path);
    const main = loadPath(path);
    if (!(main instanceof Module)) {
      findings.push(failureFinding(path, main.failure));
      continue;
    }
    const root = dirname(path);
    const load: Loader = (from, specifier) => {
      for (const candidate of candidates(root, from.path, specifier)) {
        const m = loadPath(candidate);
        if (m instanceof Module) return m.parseErrors.length ? undefined : m;
      }
      return undefined;
    };
    const { modules, broken } = gather(main, root, loadPath);
    findings.push(...broken);
    if (options.base !== false) findings.push(...configFindings(root, readFile, configs));
    if (main.parseErrors.length) continue; // a half-parsed tree would only produce noise
    const ctx = createContext(main, modules, load, source.checks);
    for (const { rule, params, severity } of checks) {
      for (const issue of rule.check(ctx, params)) {
        // A file that cannot be read is reported once, where it is loaded, not by every rule.
        if (issue.unverifiable && broken.length) continue;
        findings.push(toFinding(issue.unverifiable ? 'unverifiable' : rule.id, severity, issue));
      }
    }
  }
  return tidy(findings);
}

function parseSafely(path: string, text: string): Loaded {
  try {
    return Module.parse(path, text);
  } catch (err) {
    if (err instanceof RangeError) return { failure: 'too-deep' }; // the parser's stack ran out
    throw err;
  }
}

/** The checked file and every file it can load, statically or by `import()`; broken ones reported. */
function gather(main: Module, root: string, loadPath: (p: string) => Loaded) {
  const modules: Module[] = [main];
  const broken: Finding[] = [];
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i]!;
    if (m.parseErrors.length) {
      broken.push(syntaxFinding(m));
      continue;
    }
    for (const spec of loadedSpecifiers(m)) {
      if (!ts.isStringLiteralLike(spec)) continue; // allowed-imports reports computed imports
      const paths = candidates(root, m.path, spec.text);
      if (!paths.length) continue; // a package or a file outside: allowed-imports reports it
      const found = paths.map(loadPath).find((l) => l instanceof Module);
      if (found instanceof Module) {
        if (!modules.includes(found)) modules.push(found);
      } else {
        broken.push({
          rule: 'unverifiable',
          severity: 'essential',
          file: m.path,
          ...m.position(spec),
          message:
            `This loads "${spec.text}", which is not a code file the checker can read ` +
            `(${CODE_EXTENSIONS.join(', ')}). Everything your code runs must be readable code, so ` +
            `that it can be checked. Put that code in a .ts file next to this one, or fix the path.`,
        });
      }
    }
  }
  return { modules: modules.filter((m) => !m.parseErrors.length), broken };
}

/** Files that would change how vite or TypeScript compile the learner's code. */
const CONFIG_FILES = [
  'tsconfig.json',
  'jsconfig.json',
  'package.json',
  '.babelrc',
  '.babelrc.json',
  'babel.config.js',
  'babel.config.json',
  '.swcrc',
  'vite.config.ts',
  'vite.config.js',
  'vite.config.mjs',
  'vitest.config.ts',
  'vitest.config.js',
  'vitest.config.mjs',
];

/** A config file in the exercise folder or the folder of exercises, reported once per folder. */
function configFindings(
  root: string,
  readFile: (path: string) => string | undefined,
  cache: Map<string, Finding[]>,
): Finding[] {
  return [root, dirname(root)].flatMap((dir) => {
    let found = cache.get(dir);
    if (!found) {
      found = CONFIG_FILES.filter((name) => readFile(join(dir, name)) !== undefined).map(
        (name) => ({
          rule: 'learner-config',
          severity: 'essential' as const,
          file: join(dir, name),
          line: 1,
          column: 1,
          message:
            `${name} sits beside your code. The tests compile every submission the same way and ` +
            `ignore such files, and they must not change what your code means. Delete it; the ` +
            `katas need no configuration of their own.`,
        }),
      );
      cache.set(dir, found);
    }
    return found;
  });
}

function createContext(
  main: Module,
  modules: Module[],
  load: Loader,
  checks: readonly Check[],
): RuleContext {
  const folder = parseFolderName(basename(dirname(main.path)));
  return {
    main,
    modules,
    checks,
    resolveValue: (module, expr) => resolveValue(load, module, expr),
    hint: folder ? `\`kata hint ${folder.number}\`` : 'the hints in meta.json',
    resolve: (path) => resolveExport(load, main, path),
    resolveLocal: (module, name) => resolveLocal(load, module, name),
    scope: (t, options) => scopeOf(load, { module: t.module, node: t.node }, options),
  };
}

function toFinding(rule: string, severity: Severity, { module, node, message }: Issue): Finding {
  return { rule, severity, file: module.path, ...module.position(node), message };
}

function syntaxFinding(m: Module): Finding {
  const [first, ...rest] = m.parseErrors;
  const { line, character } = m.sf.getLineAndCharacterOfPosition(first!.start);
  const text = ts.flattenDiagnosticMessageText(first!.messageText, ' ');
  const more = rest.length ? ` (and ${rest.length} more after it)` : '';
  return {
    rule: 'syntax-error',
    severity: 'essential',
    file: m.path,
    line: line + 1,
    column: character + 1,
    message:
      `${text.replace(/\.$/, '')}${more}. The file does not parse, so neither the tests nor the checker can run it. ` +
      `Fix this first; later errors are often caused by it.`,
  };
}

function failureFinding(file: string, failure: 'missing-file' | 'too-deep'): Finding {
  const message =
    failure === 'missing-file'
      ? `Expected the file ${file}, but it does not exist. The tests and the checker look for your ` +
        `code there. Create it (copy the stub from exercises/) or check the folder you passed.`
      : `This file nests code too deeply to be parsed (the parser ran out of stack). The checker ` +
        `cannot look inside it, and a reader could not either. Flatten it into smaller functions.`;
  return { rule: failure, severity: 'essential', file, line: 1, column: 1, message };
}
