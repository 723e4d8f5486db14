/**
 * The body of each canonical test, for Exercism's `test_code` and GitHub Classroom's: read from
 * the test file and the local modules it imports (exercise 10 runs exercise 09's suite), so a test
 * whose file did not load still has its code.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ts } from 'ts-morph';

export interface TestSource {
  /** The enclosing describe titles that are string literals, outermost first. */
  suite: string[];
  name: string;
  /** The callback's body, dedented, without its braces. */
  code: string;
  file: string;
  /** 1-based line of the `it(` call. */
  line: number;
}

const TEST_CALLS = new Set(['it', 'test']);
const SUITE_CALLS = new Set(['describe', 'suite']);

/** Every `it`/`test` call with a literal name in `file` and in the relative modules it imports. */
export function testSources(file: string, seen = new Set<string>()): TestSource[] {
  if (seen.has(file)) return [];
  seen.add(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: TestSource[] = [];
  const imports: string[] = [];

  const visit = (node: ts.Node, suite: string[]): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      // The test file's own './x' import is the learner's module: never read learner code here.
      if (spec.startsWith('../') && /\.ts$/.test(spec)) imports.push(resolve(dirname(file), spec));
    }
    if (ts.isCallExpression(node)) {
      const callee = calleeName(node.expression);
      const [title] = node.arguments;
      // `it(name, fn)`, or `it(name, options, fn)` (a heavy test's tags, CONTRIBUTING.md).
      const body = node.arguments.slice(1, 3).find(isFunction);
      const name = title && literalText(title);
      if (callee && name !== undefined && SUITE_CALLS.has(callee)) {
        node.arguments.forEach((a) => visit(a, [...suite, name]));
        return;
      }
      if (callee && name !== undefined && TEST_CALLS.has(callee) && body && isFunction(body)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ suite, name, code: bodyText(body, source), file, line: line + 1 });
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, suite));
  };
  visit(source, []);
  for (const dep of imports) found.push(...testSources(dep, seen));
  return found;
}

/**
 * Finds a test's source: by its full name first, then by its own name when that is unique
 * (a shared suite's tests sit in functions, outside any literal describe).
 */
export function findTestSource(
  sources: TestSource[],
  test: { suite: string[]; name: string },
): TestSource | undefined {
  // A property test (lib/property.ts) is reported as `name (with seed=N)`.
  test = { suite: test.suite, name: test.name.replace(/ \(with seed=-?\d+\)$/, '') };
  const full = [...test.suite, test.name].join(' > ');
  const exact = sources.find((s) => [...s.suite, s.name].join(' > ') === full);
  if (exact) return exact;
  const byName = sources.filter((s) => s.name === test.name);
  return byName.length === 1 ? byName[0] : undefined;
}

function calleeName(expr: ts.Expression): string | undefined {
  // it(...), it.concurrent(...), describe.sequential(...)
  if (ts.isIdentifier(expr)) return expr.text;
  // A property test: `it.prop([...], options)('name', body)`, whatever `it` is named.
  if (
    ts.isCallExpression(expr) &&
    ts.isPropertyAccessExpression(expr.expression) &&
    expr.expression.name.text === 'prop'
  )
    return 'it';
  if (ts.isPropertyAccessExpression(expr)) return calleeName(expr.expression);
  return undefined;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

function isFunction(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function bodyText(fn: ts.ArrowFunction | ts.FunctionExpression, source: ts.SourceFile): string {
  const body = fn.body;
  if (!ts.isBlock(body)) return body.getText(source);
  const inner = source.text.slice(body.getStart(source) + 1, body.getEnd() - 1);
  return dedent(inner);
}

/** Drops blank edge lines and the indentation every line shares. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}
