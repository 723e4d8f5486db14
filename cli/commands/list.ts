/** `kata list`: every exercise with its status and points, and the totals. */
import { learnerDir, loadCatalog } from '../exercises.ts';
import { print, warn } from '../io.ts';
import { totals } from '../progress.ts';
import { renderOptions, renderTable } from '../render.ts';
import { survey } from '../survey.ts';

export async function list(options: { fresh?: boolean } = {}): Promise<number> {
  const dir = learnerDir();
  const { exercises, problems } = loadCatalog();
  const rows = await survey(exercises, { fresh: options.fresh, dir, warn });
  print(renderTable(rows, totals(rows), renderOptions(), problems));
  return 0;
}
