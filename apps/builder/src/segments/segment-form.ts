import { ruleGroupSchema, type RuleGroup } from '@loa/engine/browser';
import type { FieldErrors } from 'react-hook-form';
import { z } from 'zod';
import type { FieldIssue, IssuesByPath } from '../editor/config/validation-issues';

/** What the segment form edits; the rule is the engine's rule tree, as the API takes it. */
export interface SegmentFormValues {
  name: string;
  description: string;
  rule: RuleGroup;
}

/** Error messages of the name are keys of the segments texts (`errors.*`); the rule's are the engine's. */
export const segmentFormSchema = z.object({
  name: z.string().trim().min(1, 'errors.nameRequired').max(200, 'errors.nameTooLong'),
  description: z.string().trim().max(2000, 'errors.descriptionTooLong'),
  // The form holds a rule tree already (the builder edits one), so what it checks is a RuleGroup too.
  rule: ruleGroupSchema as z.ZodType<RuleGroup, RuleGroup>,
});

export function emptySegmentForm(): SegmentFormValues {
  return {
    name: '',
    description: '',
    rule: { match: 'all', rules: [{ kind: 'attribute', field: '', operator: 'equals', value: '' }] },
  };
}

/** A stored segment as the form's values; a rule the API hands back is the tree it was given. */
export function segmentFormValues(segment: {
  name: string;
  description: string;
  rule?: unknown;
}): SegmentFormValues {
  return { name: segment.name, description: segment.description, rule: asRuleGroup(segment.rule) };
}

function asRuleGroup(value: unknown): RuleGroup {
  const group = (typeof value === 'object' && value !== null ? value : {}) as Partial<RuleGroup>;
  return {
    match: group.match === 'any' ? 'any' : 'all',
    rules: Array.isArray(group.rules) ? group.rules : [],
  };
}

/** The body of POST /segments and PATCH /segments/{id}. */
export function segmentBody(values: SegmentFormValues): SegmentFormValues {
  return { name: values.name.trim(), description: values.description.trim(), rule: values.rule };
}

/** Whether the rule is complete enough to ask the API how many contacts it selects. */
export function isPreviewable(rule: RuleGroup): boolean {
  return ruleGroupSchema.safeParse(rule).success;
}

/**
 * The form's errors under `rule` as messages by dotted path ("rule.rules.1.rules.0.field"), the paths the rule
 * builder shows them at; an error on a list itself (react-hook-form's `root`) belongs to the list. An empty value
 * reads `requiredMessage` rather than the schema's "must not be empty".
 */
export function ruleIssues(
  errors: FieldErrors<SegmentFormValues>,
  values: SegmentFormValues,
  requiredMessage: string,
): IssuesByPath {
  const map = new Map<string, FieldIssue[]>();
  const visit = (node: unknown, path: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record['message'] === 'string' && record['message'] !== '') {
      const key = path.join('.');
      const empty = valueAt(values, path) === '';
      const message = empty ? requiredMessage : record['message'];
      const list = map.get(key) ?? [];
      if (!list.some((issue) => issue.message === message)) list.push({ message, severity: 'error' });
      map.set(key, list);
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'message' || key === 'type' || key === 'ref' || key === 'types') continue;
      visit(child, key === 'root' ? path : [...path, key]);
    }
  };
  visit(errors.rule, ['rule']);
  return map;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Where on the form an API field error belongs: the name, the description, a place in the rule, or the form. */
export function formFieldOfApiError(field: string): 'name' | 'description' | `rule${string}` | 'root' {
  if (field === 'name' || field === 'description') return field;
  if (field === 'rule' || field.startsWith('rule.')) return field as `rule${string}`;
  return 'root';
}
