/**
 * A small class of submissions for the platform tests, made in a temporary folder from the pack's
 * own files: a solution that logs, the stubs, anti-solutions, a timeout beside a crash, and a type
 * error beside a syntax error. Two exercises (01 and 05) keep grading quick; every status is
 * still there.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXERCISES_DIR, SOLUTIONS_DIR } from '../paths.ts';

export const FIXTURE_EXERCISES = ['01-lazy-range', '05-send'];

type Files = Record<string, string>;

const read = (dir: string, id: string, file: string) => readFileSync(join(dir, id, file), 'utf8');
const solution = (id: string) => read(SOLUTIONS_DIR, id, `${id.slice(3)}.ts`);
const stub = (id: string) => read(EXERCISES_DIR, id, `${id.slice(3)}.ts`);
const anti = (id: string, file: string) => read(SOLUTIONS_DIR, id, `anti/${file}`);

/** Per student, per exercise id, the learner file's text. */
export function fixtureStudents(): Record<string, Files> {
  return {
    // count() says what it was called with: each test's own calls must land in its output.
    solution: {
      '01-lazy-range': replaceOnce(
        solution('01-lazy-range'),
        '  for (let i = start; ; i += step) yield i;',
        '  console.log(`count from ${start} by ${step}`);\n  for (let i = start; ; i += step) yield i;',
      ),
      '05-send': solution('05-send'),
    },
    stubs: { '01-lazy-range': stub('01-lazy-range'), '05-send': stub('05-send') },
    // A failing test, and an essential checker finding that withholds the points.
    anti: {
      '01-lazy-range': anti('01-lazy-range', 'off-by-one.ts'),
      '05-send': anti('05-send', 'keeps-list.ts'),
    },
    // A synchronous endless loop in next() for one input times out 01; killing its own
    // process crashes 05.
    hostile: {
      '01-lazy-range': replaceOnce(
        solution('01-lazy-range'),
        '  if (step === 0)',
        '  if (stop === 10 && step === 3) for (;;) {}\n  if (step === 0)',
      ),
      '05-send': `${solution('05-send')}\nprocess.kill(process.pid, 'SIGKILL');\n`,
    },
    // A type error costs nothing; a syntax error costs only its own exercise.
    broken: {
      '01-lazy-range': `${solution('01-lazy-range')}\nexport const typeError: number = 'not a number';\n`,
      '05-send': `${solution('05-send')}\nexport function broken( {\n`,
    },
  };
}

function replaceOnce(text: string, find: string, by: string): string {
  if (!text.includes(find)) throw new Error(`fixture: "${find}" is no longer in the solution.`);
  return text.replace(find, by);
}

/** Writes the class (one folder shaped like exercises/ per student) and returns its folder. */
export function writeFixtureClass(): string {
  const root = mkdtempSync(join(tmpdir(), 'kata-platform-class-'));
  for (const [student, files] of Object.entries(fixtureStudents())) {
    for (const [id, text] of Object.entries(files)) {
      mkdirSync(join(root, student, id), { recursive: true });
      writeFileSync(join(root, student, id, `${id.slice(3)}.ts`), text);
    }
  }
  return root;
}

/** A copy of one student's folder, for a platform that grades one submission. */
export function copyStudent(classDir: string, student: string, target: string): void {
  cpSync(join(classDir, student), target, { recursive: true });
}
