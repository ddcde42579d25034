import type { FieldDescriptor, ObjectDescriptor } from './schema-fields';

export type Json = Record<string, unknown>;

/** A copy with one key set, or removed when the value is undefined (optional fields left empty). */
export function withKey(object: Json | undefined, key: string, value: unknown): Json {
  const next: Json = { ...(object ?? {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** A starting value for a newly added object, list item or variant: defaults and required fields filled. */
export function initialValue(descriptor: FieldDescriptor): unknown {
  switch (descriptor.kind) {
    case 'text':
      return '';
    case 'number':
      return descriptor.minimum !== undefined && descriptor.minimum > 0 ? descriptor.minimum : 0;
    case 'boolean':
      return false;
    case 'enum':
      return descriptor.options[0];
    case 'literal':
      return descriptor.value;
    case 'object':
      return initialObject(descriptor);
    case 'array':
      return [];
    case 'record':
      return {};
    case 'variants': {
      const first = descriptor.variants[0];
      return first ? initialObject(first.shape) : {};
    }
    case 'scalar':
    case 'scalarOrList':
      return '';
    case 'ruleGroup':
      return { match: 'all', rules: [] };
    case 'unsupported':
      return undefined;
  }
}

/** Where a marketer most often starts: Decree 91 keeps advertising out of 22:00–07:00. */
const STARTING_VALUES: Record<string, Json> = {
  quietHours: { start: '22:00', end: '07:00' },
};

/** A newly added value of a named field: a known starting point, else defaults and required fields filled. */
export function initialFieldValue(name: string, descriptor: FieldDescriptor): unknown {
  const start = STARTING_VALUES[name];
  return start ? structuredClone(start) : initialValue(descriptor);
}

export function initialObject(descriptor: ObjectDescriptor): Json {
  const names = descriptor.fields.map((field) => field.name).sort();
  if (names.join(',') === 'amount,unit') return { amount: 1, unit: 'days' };
  const value: Json = {};
  for (const field of descriptor.fields) {
    if (field.default !== undefined) value[field.name] = structuredClone(field.default);
    else if (field.required) value[field.name] = initialFieldValue(field.name, field.descriptor);
  }
  return value;
}

/** Renames a record key keeping the order of the others. */
export function renameKey(record: Json, from: string, to: string): Json {
  if (from === to || Object.prototype.hasOwnProperty.call(record, to)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

export function freeKey(record: Json, base: string): string {
  for (let n = 1; ; n++) {
    const key = `${base}${n}`;
    if (!Object.prototype.hasOwnProperty.call(record, key)) return key;
  }
}
