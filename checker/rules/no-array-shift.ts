import { z } from 'zod';
import { calledBy, memberName, propertyNameText, SK, ts } from '../ast.ts';
import { defineRule, type Issue } from '../rule.ts';
import { everywhere } from '../scope.ts';

/**
 * No native `Array.prototype.shift` (called, or reached through `Array.prototype`): it moves every
 * remaining element, so a queue read with it costs O(n) per item. A `shift` method the learner
 * wrote on their own queue class is theirs and is not flagged.
 */
export default defineRule({
  id: 'no-array-shift',
  severity: 'actionable',
  summary: 'no native Array#shift: an O(n) dequeue',
  params: z.strictObject({}),
  check(ctx) {
    const own = new Set<string>();
    for (const kind of [SK.MethodDeclaration, SK.PropertyDeclaration, SK.PropertyAssignment]) {
      for (const [, d] of everywhere<ts.MethodDeclaration>(ctx.modules, kind))
        own.add(propertyNameText(d.name) ?? '');
    }
    const issues: Issue[] = [];
    for (const kind of [SK.PropertyAccessExpression, SK.ElementAccessExpression]) {
      for (const [module, access] of everywhere<ts.Node>(ctx.modules, kind)) {
        if (memberName(access) !== 'shift') continue;
        const object = (access as ts.PropertyAccessExpression).expression;
        const viaPrototype =
          ts.isPropertyAccessExpression(object) && object.name.text === 'prototype';
        const parent = access.parent;
        const borrowed =
          ts.isPropertyAccessExpression(parent) &&
          ['call', 'apply', 'bind'].includes(parent.name.text);
        if (!viaPrototype && (own.has('shift') || !(calledBy(access) || borrowed))) continue;
        issues.push({
          module,
          node: access,
          message:
            '`Array#shift` moves every remaining element of the array, so a queue read with it ' +
            'costs time in proportion to its length on every turn: 100,000 tasks take minutes ' +
            'instead of a fraction of a second. Use a queue with O(1) at both ends, a ring buffer ' +
            `or two stacks (${ctx.hint}).`,
        });
      }
    }
    return issues;
  },
});
