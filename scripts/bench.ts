// `npm run bench [section...]`: measured figures, each beside a baseline taken in the same run.
// Every file in scripts/bench/ other than util.ts is a section exporting `title` and `run()`;
// naming sections on the command line runs only those (`npm run bench -- checker`).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/catalog.ts';

interface Section {
  title: string;
  run: () => Promise<void>;
}

const dir = join(ROOT, 'scripts', 'bench');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'util.ts' && !f.endsWith('.test.ts'))
  .sort();
const sections: Section[] = [];
for (const f of files) sections.push((await import(pathToFileURL(join(dir, f)).href)) as Section);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !sections.some((s) => s.title === w));
if (unknown.length > 0) {
  console.error(
    `bench: no section named ${unknown.join(', ')}; choose from ${sections.map((s) => s.title).join(', ')}`,
  );
  process.exit(2);
}
for (const section of sections) {
  if (wanted.length === 0 || wanted.includes(section.title)) await section.run();
}
console.log();
