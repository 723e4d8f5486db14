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
import { resolveExport, resolveLocal, type Loader } from './exports.ts';
import { tidy, type Finding, type Severity } from './finding.ts';
import { Module } from './module.ts';
import { compileChecks } from './registry.ts';
import type { Issue, RuleContext } from './rule.ts';
import { isSiblingSpecifier } from './rules/allowed-imports.ts';
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
  const load: Loader = (from, specifier) => {
    if (!isSiblingSpecifier(specifier)) return undefined;
    for (const path of siblingCandidates(from.path, specifier)) {
      const m = loadPath(path);
      if (m instanceof Module) return m.parseErrors.length ? undefined : m;
    }
    return undefined;
  };
  const findings: Finding[] = [];
  for (const source of sources) {
    const checks = compileChecks(source.checks, 'checks', options.base !== false);
    const path = resolve(source.path);
    const main = loadPath(path);
    if (!(main instanceof Module)) {
      findings.push(failureFinding(path, main.failure));
      continue;
    }
    const { modules, broken } = gather(main, loadPath);
    findings.push(...broken);
    if (main.parseErrors.length) continue; // a half-parsed tree would only produce noise
    const ctx = createContext(main, modules, load);
    for (const { rule, params, severity } of checks) {
      for (const issue of rule.check(ctx, params))
        findings.push(toFinding(rule.id, severity, issue));
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

/** `./impl` → impl.ts; `./impl.js` → impl.ts, impl.js (TypeScript's own convention). */
function siblingCandidates(from: string, specifier: string): string[] {
  const base = join(dirname(from), specifier);
  if (/\.[cm]?js$/.test(base)) return [base.replace(/js$/, 'ts'), base];
  return /\.[cm]?ts$/.test(base) ? [base] : [`${base}.ts`];
}

/** The checked file and every sibling it reaches by import or re-export; broken ones reported. */
function gather(main: Module, loadPath: (p: string) => Loaded) {
  const modules: Module[] = [main];
  const broken: Finding[] = [];
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i]!;
    if (m.parseErrors.length) {
      broken.push(syntaxFinding(m));
      continue;
    }
    for (const st of m.sf.statements) {
      const spec = (st as { moduleSpecifier?: ts.Expression }).moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec) || !isSiblingSpecifier(spec.text)) continue;
      const found = siblingCandidates(m.path, spec.text)
        .map(loadPath)
        .find((l) => l instanceof Module);
      if (found instanceof Module && !modules.includes(found)) modules.push(found);
    }
  }
  return { modules: modules.filter((m) => !m.parseErrors.length), broken };
}

function createContext(main: Module, modules: Module[], load: Loader): RuleContext {
  const folder = parseFolderName(basename(dirname(main.path)));
  return {
    main,
    modules,
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
