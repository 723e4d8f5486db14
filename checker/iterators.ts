/** Telling an iterator from an array by syntax alone, for the no-iterator-helpers rule. */
import { globalName, isGenerator, memberName, memberObject, ts, unwrap } from './ast.ts';
import type { Module } from './module.ts';
import type { RuleContext } from './rule.ts';

/** Only iterators have these (arrays do not), unless the learner writes such a method. */
export const ITERATOR_ONLY = new Set(['take', 'drop', 'toArray']);
/** Arrays have these too: flagged only on something plainly an iterator. */
export const SHARED = new Set([
  'map',
  'filter',
  'flatMap',
  'reduce',
  'forEach',
  'some',
  'every',
  'find',
]);
const MAKERS = new Set(['values', 'keys', 'entries', '[Symbol.iterator]']);

/** `xs.values()`, `gen()` for a local `function* gen`, `it.map(f)` on one of those. */
export function isIterator(ctx: RuleContext, m: Module, expr: ts.Expression | undefined): boolean {
  const e = expr && unwrap(expr);
  if (!e || !ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) {
    const t = ctx.resolveLocal(m, callee.text);
    return t.kind === 'found' && isGenerator(t.node);
  }
  const name = memberName(callee) ?? '';
  const object = memberObject(callee);
  if (MAKERS.has(name))
    return !(object && ['Object', 'Reflect'].includes(globalName(object, m.declared) ?? ''));
  return (ITERATOR_ONLY.has(name) || SHARED.has(name)) && isIterator(ctx, m, object);
}
