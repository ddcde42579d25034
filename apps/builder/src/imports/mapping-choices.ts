import type { AttributeDefinition, ColumnMapping, MappingTarget } from './import-queries';

export const IDENTITY_KEYS = ['phone', 'email', 'externalId'] as const;
export const CONTACT_FIELDS = ['name', 'email', 'phone', 'externalId', 'tags', 'doNotContact'] as const;
export const DATE_FORMATS = [
  'dd/MM/yyyy',
  'dd-MM-yyyy',
  'dd.MM.yyyy',
  'yyyy-MM-dd',
  'MM/dd/yyyy',
  'dd/MM/yyyy HH:mm',
  'dd/MM/yyyy HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd HH:mm:ss',
  'iso',
] as const;

type AttributeTarget = Extract<MappingTarget, { kind: 'attribute' }>;
export type DateFormat = NonNullable<AttributeTarget['dateFormat']>;

/** One entry of a column's select: what the column would write, and under which heading. */
export interface TargetChoice {
  value: string;
  group: 'identity' | 'field' | 'attribute' | 'newAttribute' | 'skip';
  target: MappingTarget;
}

/** A stable select value for a target (attributes are told apart by their key). */
export function choiceValue(target: MappingTarget): string {
  switch (target.kind) {
    case 'identity':
      return `identity:${target.key}`;
    case 'field':
      return `field:${target.field}`;
    case 'attribute':
      return `attribute:${target.key}`;
    case 'skip':
      return 'skip';
  }
}

export const hasDateFormat = (target: MappingTarget): target is AttributeTarget =>
  target.kind === 'attribute' && (target.type === 'date' || target.type === 'datetime');

/**
 * What a column may be mapped to: an identity, a contact field, one of the workspace's attributes, the new attribute
 * the API proposed for it (when the workspace does not have it), or nothing.
 */
export function targetChoices(
  proposed: MappingTarget,
  attributes: readonly AttributeDefinition[],
): TargetChoice[] {
  const existing = attributes.map((definition) => existingAttribute(definition, proposed));
  const proposedIsNew =
    proposed.kind === 'attribute' && !attributes.some((definition) => definition.key === proposed.key);
  return [
    ...IDENTITY_KEYS.map((key) => choice('identity', { kind: 'identity', key })),
    ...CONTACT_FIELDS.map((field) => choice('field', { kind: 'field', field })),
    ...existing.map((target) => choice('attribute', target)),
    ...(proposedIsNew ? [choice('newAttribute', proposed)] : []),
    choice('skip', { kind: 'skip' }),
  ];
}

/** The API's proposal with every attribute the workspace already defines taking the definition's type. */
export function adoptDefinitions(
  proposal: readonly ColumnMapping[],
  attributes: readonly AttributeDefinition[],
): ColumnMapping[] {
  return proposal.map((mapping) => {
    const { target } = mapping;
    if (target.kind !== 'attribute') return mapping;
    const definition = attributes.find((candidate) => candidate.key === target.key);
    return definition ? { ...mapping, target: existingAttribute(definition, target) } : mapping;
  });
}

function existingAttribute(definition: AttributeDefinition, proposed: MappingTarget): AttributeTarget {
  const target: AttributeTarget = { kind: 'attribute', key: definition.key, type: definition.type };
  if (!hasDateFormat(target)) return target;
  const proposedFormat =
    proposed.kind === 'attribute' && proposed.key === definition.key ? proposed.dateFormat : undefined;
  return { ...target, dateFormat: proposedFormat ?? (target.type === 'date' ? 'dd/MM/yyyy' : 'iso') };
}

function choice(group: TargetChoice['group'], target: MappingTarget): TargetChoice {
  return { value: choiceValue(target), group, target };
}

/** The API's complaints about the mapping (`mapping.3.target.type`), by column position. */
export function mappingErrorsByPosition(
  fieldErrors: readonly { field: string; message: string }[],
): Map<number, string> {
  const byPosition = new Map<number, string>();
  for (const error of fieldErrors) {
    const position = /^mapping\.(\d+)(\.|$)/.exec(error.field)?.[1];
    if (position === undefined) continue;
    const index = Number(position);
    byPosition.set(index, [byPosition.get(index), error.message].filter(Boolean).join('; '));
  }
  return byPosition;
}
