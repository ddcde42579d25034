import { isRelativeDateOperator, type RuleGroup } from '@loa/engine';
import type { FieldError } from '../http/problem';
import type { AttributeTypes } from './compile-rule-to-sql';
import { toFiniteNumber } from './comparison-sql';
import { referenceCycle, type SegmentRuleRow } from './segment-dependencies';
import { leafRules } from './segment-rule.schema';

const ORDERING = new Set(['greater_than', 'greater_or_equal', 'less_than', 'less_or_equal']);

/**
 * What a segment's rule must satisfy in its workspace: referenced segments exist and never lead back to this one,
 * relative dates are on date attributes, number attributes compare with numbers. Paths are under the body
 * (`rule.rules.0.segmentId`).
 */
export function checkSegmentRule(input: {
  /** The segment being written (a fresh id for a new one). */
  segmentId: string;
  rule: RuleGroup;
  attributeTypes: AttributeTypes;
  segments: readonly (SegmentRuleRow & { name: string })[];
}): FieldError[] {
  const { rule, attributeTypes, segments } = input;
  const errors: FieldError[] = [];
  const at = (path: PropertyKey[], field: string) => ['rule', ...path, field].map(String).join('.');
  const names = new Map(segments.map((segment) => [segment.id, segment.name]));
  for (const { rule: leaf, path } of leafRules(rule)) {
    if (leaf.kind === 'segment') {
      if (leaf.segmentId === input.segmentId)
        errors.push({
          in: 'body',
          field: at(path, 'segmentId'),
          message: 'a segment cannot refer to itself',
        });
      else if (!names.has(leaf.segmentId))
        errors.push({
          in: 'body',
          field: at(path, 'segmentId'),
          message: 'no such segment in this workspace',
        });
    }
    if (leaf.kind !== 'attribute' || leaf.field.includes('.')) continue;
    const declared = attributeTypes.get(leaf.field);
    if (declared === undefined) continue;
    if (isRelativeDateOperator(leaf.operator) && declared !== 'date' && declared !== 'datetime')
      errors.push({
        in: 'body',
        field: at(path, 'operator'),
        message: `${leaf.operator} needs a date or datetime attribute; ${leaf.field} is a ${declared}`,
      });
    if (declared === 'number' && ORDERING.has(leaf.operator) && toFiniteNumber(leaf.value) === undefined)
      errors.push({
        in: 'body',
        field: at(path, 'value'),
        message: `must be a number: ${leaf.field} is a number`,
      });
  }
  if (errors.length > 0) return errors;
  const cycle = referenceCycle(input.segmentId, rule, segments);
  if (cycle) {
    const first = leafRules(rule).find(
      ({ rule: leaf }) => leaf.kind === 'segment' && leaf.segmentId === cycle[1],
    );
    const chain = cycle.map((id) => (id === input.segmentId ? 'this segment' : `“${names.get(id) ?? id}”`));
    errors.push({
      in: 'body',
      field: at(first?.path ?? [], 'segmentId'),
      message: `refers back to this segment: ${chain.join(' → ')}`,
    });
  }
  return errors;
}
