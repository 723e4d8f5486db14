/**
 * Resume: each graded submission is kept in `<out>/.grades/<student>.json`, with the hash of its
 * learner files and of the pack's tests. A later run reuses a result whose hash still matches.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SubmissionGradeSchema, type SubmissionGrade } from '../model.ts';

export function resumeDir(out: string): string {
  return join(out, '.grades');
}

/** A file name for a student id: ids come from folder and zip names, so keep them tame. */
export function fileSafe(student: string): string {
  return student.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
}

/** The kept result for this student if it was graded with this hash, else undefined. */
export function loadResume(
  out: string,
  student: string,
  hash: string,
): SubmissionGrade | undefined {
  try {
    const kept = SubmissionGradeSchema.parse(
      JSON.parse(readFileSync(join(resumeDir(out), `${fileSafe(student)}.json`), 'utf8')),
    );
    return kept.hash === hash && kept.student === student ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temporary file, then rename): a Ctrl-C never leaves half a file. */
export function saveResume(out: string, grade: SubmissionGrade): void {
  const dir = resumeDir(out);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${fileSafe(grade.student)}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(grade));
  renameSync(`${file}.tmp`, file);
}
