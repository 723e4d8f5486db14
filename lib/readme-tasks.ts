/** A numbered task of an exercise README: `### N. Title` under `## Tasks`. */
export interface ReadmeTask {
  number: number;
  /** The heading's text after the number, as written (backticks kept). */
  title: string;
  /** 1-based line of the heading in README.md. */
  line: number;
}

/**
 * The `### N. Title` headings of the README's `## Tasks` section, in order; headings inside code
 * blocks are not tasks.
 * @example readmeTasks('## Tasks\n### 1. Count up\n') // [{ number: 1, title: 'Count up', line: 2 }]
 */
export function readmeTasks(markdown: string): ReadmeTask[] {
  const tasks: ReadmeTask[] = [];
  let fenced = false;
  let inTasks = false;
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    if (/^## /.test(text)) inTasks = /^## Tasks\s*$/.test(text);
    const m = inTasks ? /^###\s+(\d+)\.\s+(.+?)\s*#*\s*$/.exec(text) : null;
    if (m) tasks.push({ number: Number(m[1]), title: m[2]!, line: i + 1 });
  });
  return tasks;
}
