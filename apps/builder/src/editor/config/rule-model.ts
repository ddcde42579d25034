import {
  comparisonOperatorSchema,
  isRelativeDateOperator,
  relativeDateOperatorSchema,
  type Rule,
  type RuleGroup,
} from '@loa/engine/browser';

/** The rule builder's tree: the engine's RuleGroup with a stable key on every row (React keys, focus). */
export interface GroupModel {
  key: string;
  match: 'all' | 'any';
  rules: EntryModel[];
}
export type EntryModel =
  { key: string; type: 'rule'; rule: Rule } | { key: string; type: 'group'; group: GroupModel };

export type RuleKind = Rule['kind'];
export type AttributeRule = Extract<Rule, { kind: 'attribute' }>;
export type AttributeOperator = AttributeRule['operator'];
/** The type of the field a rule compares, from the workspace's attribute definitions. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum' | 'tags' | 'unknown';

export const RULE_KINDS: RuleKind[] = [
  'attribute',
  'tag',
  'event_seen',
  'send_outcome',
  'consent',
  'reachable',
  'segment',
];

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `r${counter}`;
}

function isGroup(entry: Rule | RuleGroup): entry is RuleGroup {
  return 'match' in entry && 'rules' in entry && !('kind' in entry);
}

export function toModel(group: RuleGroup): GroupModel {
  return {
    key: newKey(),
    match: group.match,
    rules: group.rules.map((entry) =>
      isGroup(entry)
        ? { key: newKey(), type: 'group', group: toModel(entry) }
        : { key: newKey(), type: 'rule', rule: entry },
    ),
  };
}

export function toCondition(model: GroupModel): RuleGroup {
  return {
    match: model.match,
    rules: model.rules.map((entry) => (entry.type === 'group' ? toCondition(entry.group) : entry.rule)),
  };
}

const STRING_OPERATORS: AttributeOperator[] = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'in',
  'not_in',
  'exists',
  'not_exists',
];
const NUMBER_OPERATORS: AttributeOperator[] = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
  'in',
  'not_in',
  'exists',
  'not_exists',
];
const DATE_OPERATORS: AttributeOperator[] = [
  ...relativeDateOperatorSchema.options,
  'equals',
  'greater_than',
  'less_than',
  'exists',
  'not_exists',
];

/** The operators that make sense for a field of this type (every operator when the type is unknown). */
export function operatorsFor(type: FieldType): AttributeOperator[] {
  switch (type) {
    case 'string':
      return STRING_OPERATORS;
    case 'number':
      return NUMBER_OPERATORS;
    case 'boolean':
      return ['equals', 'not_equals', 'exists', 'not_exists'];
    case 'date':
    case 'datetime':
      return DATE_OPERATORS;
    case 'enum':
      return ['equals', 'not_equals', 'in', 'not_in', 'exists', 'not_exists'];
    case 'tags':
      return ['contains', 'not_contains', 'exists', 'not_exists'];
    case 'unknown':
      return [...comparisonOperatorSchema.options, ...relativeDateOperatorSchema.options];
  }
}

export type ValueShape = 'none' | 'single' | 'list' | 'period';

export function valueShapeOf(operator: AttributeOperator): ValueShape {
  if (operator === 'exists' || operator === 'not_exists') return 'none';
  if (operator === 'in' || operator === 'not_in') return 'list';
  if (isRelativeDateOperator(operator)) return 'period';
  return 'single';
}

/** Changes the operator and reshapes the value the engine expects with it (a list, a period, nothing). */
export function withOperator(rule: AttributeRule, operator: AttributeOperator): AttributeRule {
  const { value, period, ...rest } = rule;
  const shape = valueShapeOf(operator);
  const next: AttributeRule = { ...rest, operator };
  if (shape === 'period') next.period = period ?? { amount: 7, unit: 'days' };
  if (shape === 'list') next.value = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (shape === 'single') next.value = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return next;
}

/** A new rule of a kind, valid where it can be without the marketer's input. */
export function defaultRule(kind: RuleKind): Rule {
  switch (kind) {
    case 'attribute':
      return { kind, field: '', operator: 'equals', value: '' };
    case 'tag':
      return { kind, tag: '', has: true };
    case 'event_seen':
      return { kind, event: '', withinDays: 30 };
    case 'send_outcome':
      return { kind, nodeId: '', outcome: 'delivered' };
    case 'consent':
      return { kind, channel: 'zns', state: 'granted' };
    case 'reachable':
      return { kind, channel: 'zns', reachable: true };
    case 'segment':
      return { kind, segmentId: '', member: true };
  }
}

/** Converts what the marketer typed to the field's type (numbers stay numbers, booleans booleans). */
export function coerceValue(text: string, type: FieldType): string | number | boolean {
  if (type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Immutable edits of the tree, addressed by row key. */
export function updateEntry(
  group: GroupModel,
  key: string,
  change: (entry: EntryModel) => EntryModel | null,
): GroupModel {
  const rules: EntryModel[] = [];
  for (const entry of group.rules) {
    if (entry.key === key) {
      const changed = change(entry);
      if (changed) rules.push(changed);
    } else if (entry.type === 'group') {
      rules.push({ ...entry, group: updateEntry(entry.group, key, change) });
    } else rules.push(entry);
  }
  return { ...group, rules };
}

export function updateGroup(
  group: GroupModel,
  key: string,
  change: (group: GroupModel) => GroupModel,
): GroupModel {
  if (group.key === key) return change(group);
  return {
    ...group,
    rules: group.rules.map((entry) =>
      entry.type === 'group' ? { ...entry, group: updateGroup(entry.group, key, change) } : entry,
    ),
  };
}
