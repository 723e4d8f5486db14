/** Text helpers the platform formats share. */
import type { ExerciseGrade, Failure, GradeFinding, TestOutcome, TypeWarning } from '../model.ts';

/** Cuts `text` to at most `max` characters, marker included, so a reader sees it was cut. */
export function cut(text: string, max: number, marker = '\n[… cut]'): string {
  if (text.length <= max) return text;
  if (max <= marker.length) return marker.slice(0, max);
  return text.slice(0, max - marker.length) + marker;
}

/** `4` from `04-lazy-pipelines`. */
export function exerciseNumber(id: string): number {
  return Number(/^(\d+)/.exec(id)?.[1] ?? 0);
}

/** The README task a test belongs to: the number of its outermost describe (`3. Title`). */
export function taskNumber(test: Pick<TestOutcome, 'suite'>): number | undefined {
  const m = /^(\d+)\.\s/.exec(test.suite[0] ?? '');
  return m ? Number(m[1]) : undefined;
}

/** A failure in a few lines: the message, then expected and received when compared. */
export function failureText(failure: Failure | undefined): string {
  if (!failure) return '';
  const lines = [failure.message];
  if (failure.expected !== undefined) lines.push(`Expected: ${failure.expected}`);
  if (failure.received !== undefined) lines.push(`Received: ${failure.received}`);
  return lines.join('\n');
}

export function findingText(f: GradeFinding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`;
}

/** A type error in one line: where, TypeScript's code, its message. */
export function typeErrorText(t: TypeWarning): string {
  return `${t.file}:${t.line}:${t.column}${t.code ? ` TS${t.code}` : ''}: ${t.message}`;
}

/** Where a load error (a syntax error) says it is in the exercise's own file, if it says. */
export function loadErrorPlace(grade: ExerciseGrade): { line: number; column: number } | undefined {
  const file = `${grade.id}/${grade.id.replace(/^\d+-/, '')}.ts`;
  for (const error of grade.loadErrors) {
    const m = new RegExp(`${file.replace(/[.]/g, '\\.')}:(\\d+):(\\d+)`).exec(error);
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

/** Why a test that did not pass earned nothing, when the test itself has no failure to show. */
export function notRunText(grade: ExerciseGrade, test: TestOutcome): string {
  if (test.failure) return failureText(test.failure);
  if (grade.reason) return `Did not run: ${grade.reason}`;
  return `Did not run (${test.state}).`;
}

/** Formats points the way people write them: 12.5, 10, 3.33. */
export function points(x: number): string {
  return String(Math.round(x * 100) / 100);
}
