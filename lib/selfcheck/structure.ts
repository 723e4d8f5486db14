import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAntis } from '../anti.ts';
import { ROOT, SOLUTIONS_DIR, type Exercise } from '../catalog.ts';
import { declaresGenerator, exportedNames, topLevelDescribes } from '../source-facts.ts';
import { readmeTasks } from '../readme-tasks.ts';
import { stubTaskProblems } from './stub-tasks.ts';

/** One thing wrong with an exercise's files: where, what, and how to fix it. */
export interface Problem {
  file: string;
  message: string;
}

const rel = (file: string) => relative(ROOT, file);

/**
 * The static promises every exercise keeps: README with numbered tasks, a `describe` per task,
 * a solution exporting what the stub exports, and at least two listed anti-solutions.
 */
export function structureProblems(exercise: Exercise, solutionsDir = SOLUTIONS_DIR): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, message: string) => problems.push({ file: rel(file), message });
  const readme = join(exercise.dir, 'README.md');
  const stub = join(exercise.dir, exercise.stubFile);
  const test = join(exercise.dir, exercise.testFile);
  const solutionDir = join(solutionsDir, exercise.id);
  const solution = join(solutionDir, exercise.stubFile);

  for (const [file, what] of [
    [readme, 'the exercise README'],
    [stub, 'the stub the learner edits'],
    [test, 'the canonical tests'],
    [solution, 'the solution'],
  ] as const) {
    if (!existsSync(file)) add(file, `missing: add ${what} (see CONTRIBUTING.md).`);
  }
  if (problems.length) return problems;

  // Describe titles are plain strings: the README's backticks are dropped to compare.
  const tasks = readmeTasks(readFileSync(readme, 'utf8')).map((t) => ({
    ...t,
    title: t.title.replaceAll('`', ''),
  }));
  if (tasks.length === 0) {
    add(readme, 'no tasks: add a "## Tasks" section with "### 1. Title" headings.');
  }
  tasks.forEach((t, i) => {
    if (t.number !== i + 1)
      add(readme, `task "${t.number}. ${t.title}" should be numbered ${i + 1}.`);
  });
  const expected = tasks.map((t) => `${t.number}. ${t.title}`.toLowerCase());
  const describes = topLevelDescribes(readFileSync(test, 'utf8'));
  const got = describes.map((d) => d.toLowerCase());
  if (expected.join('\n') !== got.join('\n')) {
    add(
      test,
      `top-level describes [${describes.join(' | ')}] do not match the README tasks ` +
        `[${tasks.map((t) => `${t.number}. ${t.title}`).join(' | ')}]: one describe per task, same text.`,
    );
  }

  const stubExports = exportedNames(readFileSync(stub, 'utf8'));
  const solutionExports = exportedNames(readFileSync(solution, 'utf8'));
  const missing = [...stubExports].filter((name) => !solutionExports.has(name));
  if (missing.length)
    add(solution, `does not export ${missing.join(', ')}: export what the stub exports.`);
  for (const problem of stubTaskProblems(readFileSync(stub, 'utf8'), readFileSync(readme, 'utf8')))
    add(stub, problem);
  if (declaresGenerator(readFileSync(stub, 'utf8'))) {
    add(
      stub,
      'has a function*: a stub is a plain function that throws at call time, so every test fails.',
    );
  }

  try {
    const antis = loadAntis(solutionDir);
    const files = new Set(antis.map((a) => a.file));
    if (files.size < 2) {
      add(
        join(solutionDir, 'anti', 'anti.json'),
        'lists fewer than two anti-solution files: add the eager, fake and sly ones.',
      );
    }
    for (const file of files) {
      const path = join(solutionDir, 'anti', file);
      if (!existsSync(path))
        add(path, 'listed in anti.json but missing: add it or drop the entry.');
    }
  } catch (err) {
    const file = join(solutionDir, 'anti', 'anti.json');
    add(file, (err as Error).message.replace(`${file}: `, ''));
  }
  return problems;
}
