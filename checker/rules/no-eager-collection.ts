import { z } from 'zod';
import { eagerCollections } from '../collections.ts';
import { defineRule, unresolved } from '../rule.ts';

/**
 * Values stored in a number that grows with the input, inside the export or the helpers it uses
 * (collections.ts says what counts). Fixed tuples, argument lists, literal lookup tables, working
 * stacks that shrink as they grow, and message strings are not collections.
 */
export default defineRule({
  id: 'no-eager-collection',
  severity: 'essential',
  summary: 'no array, Map or Set of the values is built inside the export',
  params: z.strictObject({ export: z.string().min(1) }),
  check(ctx, p) {
    const target = ctx.resolve(p.export);
    if (target.kind !== 'found') return unresolved(ctx, p.export, target, 'lazy');
    return eagerCollections(ctx.scope(target)).map(([module, node, what]) => ({
      module,
      node,
      message:
        `${what} inside \`${p.export}\` stores a number of values that grows with the input. This ` +
        `exercise is about laziness: each value should be computed when next() asks for it, so ` +
        `memory stays constant even for an endless sequence. Yield each value as you compute it ` +
        `instead, keeping only a fixed number of variables (${ctx.hint}).`,
    }));
  },
});
