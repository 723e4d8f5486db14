// Regenerates the exercise table in README.md from each exercise's meta.json.
import { loadExercises } from '../lib/catalog.ts';
import { writeTable } from '../lib/readme-table.ts';

await writeTable(loadExercises());
console.log('README.md: exercise table updated.');
