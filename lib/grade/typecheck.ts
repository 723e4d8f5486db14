/**
 * Type errors as warnings. Each submission's staged learner files are type-checked in the grader
 * itself, statically (no learner code runs), with the pack's compiler options, its lib and
 * @types/node. A type error costs nothing: the exercise is graded on behaviour and the error is
 * listed beside the grade.
 *
 * The learner files are laid over the pack's exercises/ folder, where the learner wrote them, so
 * imports resolve as they did for the learner; the host serves nothing else but node_modules
 * (never the pack's tests, solutions/, or another submission). The declaration files (about 3 MB)
 * are parsed once per grading run and shared by every submission's program; only the learner
 * files are parsed per submission, and only their diagnostics are asked for (skipLibCheck).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import ts from '../../checker/typescript.cjs';
import type { TypeWarning } from '../model.ts';
import { ROOT } from '../paths.ts';
import { cut, MESSAGE_CAP } from './text.ts';

/** Type errors listed per exercise; the rest are counted in one last entry. */
export const MAX_TYPE_ERRORS = 20;
/**
 * Time one submission's type check may take: far above what real code needs (about a second
 * for all the katas), so that types built to be slow cannot stall the grader.
 */
export const TYPE_CHECK_MS = 10_000;

const EXERCISES = join(ROOT, 'exercises');
/** Where the lib files seem to be: they come from memory, from the compiler's own package. */
const LIB_DIR = '/__kata_ts_lib__';

/** The lib .d.ts files of ts-morph's compiler (the checker's): its package has them in memory. */
function libFiles(): Map<string, string> {
  const require = createRequire(createRequire(import.meta.url).resolve('ts-morph'));
  const common = require('@ts-morph/common') as {
    getLibFiles(): { fileName: string; text: string }[];
  };
  return new Map(common.getLibFiles().map((f) => [join(LIB_DIR, f.fileName), f.text]));
}

export class TypeChecker {
  private readonly options: ts.CompilerOptions;
  private readonly modules: string;
  /** Declaration files, parsed once: by path and module format. */
  private readonly parsed = new Map<string, ts.SourceFile | undefined>();
  private readonly exists = new Map<string, boolean>();
  private readonly dirs = new Map<string, boolean>();
  private readonly libs = libFiles();

  /** `limitMs`: time the checking of one submission may take (TYPE_CHECK_MS). */
  constructor(private readonly limitMs = TYPE_CHECK_MS) {
    const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, ROOT);
    this.options = {
      ...options,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      // Each learner file is a module even without an import: two scripts would clash.
      moduleDetection: ts.ModuleDetectionKind.Force,
      incremental: false,
    };
    this.modules = realpathSync(join(ROOT, 'node_modules'));
  }

  /**
   * Type errors in the staged files (`files`: per exercise id, names in `kataDir/<id>/`), by
   * exercise id. Paths are relative to the submission's exercises folder (`05-send/send.ts`).
   */
  check(
    kataDir: string,
    files: ReadonlyMap<string, readonly string[]>,
  ): Map<string, TypeWarning[]> {
    // Virtual path in the pack's exercises/ → the staged copy.
    const overlay = new Map<string, string>();
    for (const [id, names] of files)
      for (const name of names) overlay.set(join(EXERCISES, id, name), join(kataDir, id, name));
    const roots = [...overlay.keys()];
    const program = ts.createProgram({
      rootNames: roots,
      options: this.options,
      host: this.host(overlay),
    });
    const byExercise = new Map<string, TypeWarning[]>([...files.keys()].map((id) => [id, []]));
    // Binding the declarations (once per run) and merging the globals are not the learner's.
    program.getTypeChecker();
    const deadline = performance.now() + this.limitMs;
    const token: ts.CancellationToken = {
      isCancellationRequested: () => performance.now() > deadline,
      throwIfCancellationRequested: () => {
        if (performance.now() > deadline) throw new ts.OperationCanceledException();
      },
    };
    for (const path of roots) {
      const sf = program.getSourceFile(path);
      if (!sf) continue;
      const file = relative(EXERCISES, path).split(sep).join('/');
      const id = file.split('/')[0]!;
      const list = byExercise.get(id);
      if (!list) continue;
      let diagnostics: ts.Diagnostic[];
      try {
        diagnostics = [
          ...program.getSyntacticDiagnostics(sf, token),
          ...program.getSemanticDiagnostics(sf, token),
        ];
      } catch (err) {
        if (!(err instanceof ts.OperationCanceledException)) throw err;
        // Out of time: this exercise is not type-checked (no list), rather than half-listed.
        byExercise.delete(id);
        continue;
      }
      for (const d of diagnostics) {
        if (d.category !== ts.DiagnosticCategory.Error) continue;
        const at =
          d.file && d.start !== undefined
            ? d.file.getLineAndCharacterOfPosition(d.start)
            : undefined;
        list.push({
          file,
          line: (at?.line ?? 0) + 1,
          column: (at?.character ?? 0) + 1,
          code: d.code,
          message: cut(
            ts.flattenDiagnosticMessageText(d.messageText, '\n').replace(/\s*\n\s*/g, ' '),
            MESSAGE_CAP,
          ),
        });
      }
    }
    for (const [id, list] of byExercise) {
      if (list.length <= MAX_TYPE_ERRORS) continue;
      const more = list.length - MAX_TYPE_ERRORS;
      byExercise.set(id, [
        ...list.slice(0, MAX_TYPE_ERRORS),
        { ...list[MAX_TYPE_ERRORS]!, code: 0, message: `… [${more} more type errors not listed]` },
      ]);
    }
    return byExercise;
  }

  private host(overlay: ReadonlyMap<string, string>): ts.CompilerHost {
    const shared = (path: string) => path === this.modules || path.startsWith(this.modules + sep);
    const real = (path: string) => {
      // node_modules may be reached through the pack's link to it.
      const inPack = join(ROOT, 'node_modules');
      return path === inPack || path.startsWith(inPack + sep)
        ? this.modules + path.slice(inPack.length)
        : path;
    };
    const staged = (path: string) => {
      const file = overlay.get(path);
      return file === undefined ? undefined : readFileSync(file, 'utf8');
    };
    return {
      getSourceFile: (name, version) => {
        const text = staged(name);
        if (text !== undefined) return ts.createSourceFile(name, text, version, false);
        const path = real(name);
        if (!shared(path) && !this.libs.has(path)) return undefined;
        const format = typeof version === 'object' ? version.impliedNodeFormat : undefined;
        const key = `${path}\0${format}`;
        if (!this.parsed.has(key)) {
          const content = this.libs.get(path) ?? ts.sys.readFile(path);
          this.parsed.set(
            key,
            content === undefined ? undefined : ts.createSourceFile(name, content, version, false),
          );
        }
        return this.parsed.get(key);
      },
      fileExists: (name) => {
        if (overlay.has(name) || this.libs.has(name)) return true;
        const path = real(name);
        if (!shared(path)) return false;
        let known = this.exists.get(path);
        if (known === undefined) this.exists.set(path, (known = isFile(path)));
        return known;
      },
      readFile: (name) => {
        const text = staged(name);
        if (text !== undefined) return text;
        const path = real(name);
        return shared(path) ? ts.sys.readFile(path) : this.libs.get(name);
      },
      directoryExists: (name) => {
        if (name === LIB_DIR) return true;
        const path = real(name);
        if (shared(path)) {
          let known = this.dirs.get(path);
          if (known === undefined) this.dirs.set(path, (known = isDir(path)));
          return known;
        }
        // The folders above the learner files, up to the pack's root and beyond.
        return [...overlay.keys()].some((f) => f.startsWith(path === sep ? path : path + sep));
      },
      getDirectories: (name) => {
        const path = real(name);
        return shared(path) && isDir(path) ? ts.sys.getDirectories(path) : [];
      },
      realpath: (name) => name,
      getDefaultLibFileName: (options) => join(LIB_DIR, ts.getDefaultLibFileName(options)),
      getDefaultLibLocation: () => LIB_DIR,
      getCurrentDirectory: () => ROOT,
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      writeFile: () => {},
    };
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
