/** Small shared pieces of the commands: printing, warnings, the README tasks of an exercise. */
import { readFileSync } from 'node:fs';
import type { Exercise } from '../lib/catalog.ts';
import { readmeFile } from './exercises.ts';
import { readmeTasks, type ReadmeTask } from './tasks.ts';

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A one-line warning on stderr. */
export function warn(line: string): void {
  process.stderr.write(`kata: ${line}\n`);
}

/** The README's task headings; none when the README is missing (the tests still group). */
export function tasksOf(exercise: Exercise): ReadmeTask[] {
  try {
    return readmeTasks(readFileSync(readmeFile(exercise), 'utf8'));
  } catch {
    return [];
  }
}
