import { z } from 'zod';
import { eagerCollections } from '../collections.ts';
import { defineRule } from '../rule.ts';

/**
 * Arrays, Maps and Sets built inside the export or the helpers it calls: `[...it]`, `Array.from`,
 * `new Array(n)`, `.push()`, `.concat()`, a Set filled then iterated, `yield* xs.map(f)`. Fixed
 * tuples (`yield [i, x]`, `const [a, b] = [b, a]`) and Sets only consulted are not collections.
 */
export default defineRule({
  id: 'no-eager-collection',
  severity: 'essential',
  summary: 'no array, Map or Set of the values is built inside the export',
  params: z.strictObject({ export: z.string().min(1) }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind !== 'found') return []; // generator-function reports a missing export
    return eagerCollections(ctx.scope(target)).map(([module, node, what]) => ({
      module,
      node,
      message:
        `${what} inside \`${p.export}\` builds a collection before handing values out. This ` +
        `exercise is about laziness: each value should be computed when next() asks for it, so ` +
        `memory stays constant even for an endless sequence. Yield each value as you compute it ` +
        `instead (${ctx.hint}).`,
    }));
  },
});
