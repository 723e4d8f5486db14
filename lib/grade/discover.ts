/**
 * Which submissions the paths on the command line name. A path is one submission (a folder
 * shaped like exercises/, a clone of the pack, or a .zip of either) or a folder of them (one
 * subfolder or .zip per student). The student id is the folder or zip name.
 */
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../catalog.ts';
import { findWorkDir, SubmissionError } from './stage.ts';

export interface Submission {
  student: string;
  /** As given or found, for the report. */
  source: string;
  /** Absolute path of the folder or zip. */
  path: string;
  kind: 'folder' | 'zip';
}

/** Throws a `UsageError` (one line, exit 2) for a path that is missing or neither folder nor zip. */
export function discoverSubmissions(paths: readonly string[]): Submission[] {
  if (!paths.length) throw new UsageError('no path given: kata grade <folder|zip...>.');
  const found: Submission[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const stat = lstatOrUndefined(path);
    if (!stat) {
      throw new UsageError(
        `no such file or folder: ${given}; give a folder of submissions, one submission or a .zip.`,
      );
    }
    if (stat.isFile() && /\.zip$/i.test(path)) {
      found.push(one(path, given, 'zip'));
    } else if (stat.isDirectory()) {
      if (isSubmission(path)) found.push(one(path, given, 'folder'));
      else found.push(...classFolder(path, given));
    } else {
      throw new UsageError(
        `${given} is neither a folder nor a .zip: give a folder of submissions, one submission or a .zip.`,
      );
    }
  }
  return uniqueIds(found);
}

function one(path: string, source: string, kind: Submission['kind']): Submission {
  return { student: basename(path).replace(/\.zip$/i, ''), source, path, kind };
}

/** Every subfolder and .zip of a class folder is a student; links are students with an error. */
function classFolder(dir: string, given: string): Submission[] {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const students = entries
    .filter((d) => d.isDirectory() || d.isSymbolicLink() || (d.isFile() && /\.zip$/i.test(d.name)))
    .map((d) =>
      one(
        resolve(dir, d.name),
        `${given.replace(/\/$/, '')}/${d.name}`,
        d.isFile() ? 'zip' : 'folder',
      ),
    );
  // A folder with no subfolder and no zip is one submission that will get its error.
  return students.length ? students : [one(dir, given, 'folder')];
}

function isSubmission(dir: string): boolean {
  try {
    findWorkDir(dir);
    return true;
  } catch (err) {
    if (err instanceof SubmissionError) return false;
    throw err;
  }
}

/** Two students with the same folder name (from two paths) get `-2`, `-3`... */
function uniqueIds(subs: Submission[]): Submission[] {
  const seen = new Map<string, number>();
  return subs.map((s) => {
    const n = (seen.get(s.student) ?? 0) + 1;
    seen.set(s.student, n);
    return n === 1 ? s : { ...s, student: `${s.student}-${n}` };
  });
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
