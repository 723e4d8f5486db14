/**
 * Stub/README drift: a stub's "README task N" must point at the task that describes the function
 * it sits in, or the learner reads the wrong section. A task describes a function when its
 * heading or text names it (`map(iterable, fn)` names map).
 */
import ts from 'typescript';
import { readmeTasks } from '../readme-tasks.ts';

/** A "README task(s) ..." reference inside one function or method of a stub. */
export interface TaskReference {
  /** The name a README would use: the function's or method's (a constructor: its class's). */
  name: string;
  /** Other names that count as naming it (a constructor: `constructor`, `new Class`). */
  aliases: string[];
  tasks: number[];
  /** 1-based line of the reference in the stub. */
  line: number;
  text: string;
}

/**
 * The task numbers of a reference's tail: `1`, `1 to 3, 5`, `1, 2 and 4`.
 * @example taskNumbers('1 to 3, 5') // [1, 2, 3, 5]
 */
export function taskNumbers(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.split(/,|\band\b/)) {
    const range = /^\s*(\d+)\s*(?:to|-|–)\s*(\d+)\s*$/.exec(part);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]); n++) numbers.push(n);
    } else if (/^\s*\d+\s*$/.test(part)) numbers.push(Number(part));
  }
  return numbers;
}

const REFERENCE = /README tasks? (\d+(?:\s*(?:,|and|to|-|–)\s*\d+)*)/g;

/** Every "README task N" in the bodies (code, strings and comments) of a stub's functions. */
export function taskReferences(text: string, fileName = 'stub.ts'): TaskReference[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const refs: TaskReference[] = [];
  const visit = (node: ts.Node): void => {
    const named = nameOf(node);
    const body = (node as { body?: ts.Node }).body;
    if (named && body) {
      for (const m of body.getText(sf).matchAll(REFERENCE)) {
        const pos = body.getStart(sf) + m.index;
        refs.push({
          ...named,
          tasks: taskNumbers(m[1]!),
          line: sf.getLineAndCharacterOfPosition(pos).line + 1,
          text: m[0],
        });
      }
      return; // a nested function's references count for the outer one
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

function nameOf(node: ts.Node): { name: string; aliases: string[] } | undefined {
  if (ts.isFunctionDeclaration(node) && node.name) return { name: node.name.text, aliases: [] };
  if (ts.isConstructorDeclaration(node)) {
    const cls = (node.parent as ts.ClassDeclaration).name?.text ?? 'constructor';
    return { name: cls, aliases: ['constructor'] };
  }
  if (ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
    const key = node.name;
    if (ts.isComputedPropertyName(key)) return { name: key.expression.getText(), aliases: [] };
    return { name: key.getText(), aliases: [] };
  }
  return undefined;
}

/**
 * One line per reference that names a missing task, or whose first task does not name the
 * function (later tasks of a range may be about details that do not repeat the name).
 */
export function stubTaskProblems(stub: string, readme: string): string[] {
  const tasks = readmeTasks(readme);
  const lines = readme.split('\n');
  const section = (n: number): string | undefined => {
    const i = tasks.findIndex((t) => t.number === n);
    if (i < 0) return undefined;
    const from = tasks[i]!.line - 1;
    let to = tasks[i + 1] ? tasks[i + 1]!.line - 1 : lines.length;
    const nextH2 = lines.findIndex((l, j) => j > from && j < to && /^## /.test(l));
    if (nextH2 >= 0) to = nextH2;
    return lines.slice(from, to).join('\n');
  };
  const problems: string[] = [];
  for (const ref of taskReferences(stub)) {
    const where = `line ${ref.line}, "${ref.text}" in ${ref.name}`;
    const missing = ref.tasks.filter((n) => section(n) === undefined);
    if (missing.length) {
      problems.push(
        `${where}: the README has no task ${missing.join(', ')}. fix: the task number in the stub.`,
      );
      continue;
    }
    const first = section(ref.tasks[0]!)!;
    if (![ref.name, ...ref.aliases].some((name) => mentions(first, name))) {
      const describing = tasks.filter((t) => mentions(section(t.number)!, ref.name));
      const fix = describing.length
        ? `it is described in task ${describing.map((t) => t.number).join(', ')}`
        : `name ${ref.name} in the task that describes it`;
      problems.push(
        `${where}: README task ${ref.tasks[0]} does not name ${ref.name}. fix: ${fix}.`,
      );
    }
  }
  return problems;
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(text);
}
