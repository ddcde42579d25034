import { z } from 'zod';

/** What a form needs to know about one value of a node's config, read from the engine's zod schema. */
export type FieldDescriptor =
  | { kind: 'text'; minLength?: number; maxLength?: number; pattern?: string; format?: string }
  | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'literal'; value: string }
  | ObjectDescriptor
  | { kind: 'array'; item: FieldDescriptor; minItems?: number; maxItems?: number }
  | { kind: 'record'; key: FieldDescriptor; value: FieldDescriptor }
  | { kind: 'variants'; discriminator: string; variants: Array<{ value: string; shape: ObjectDescriptor }> }
  /** A string, number, boolean or null (a comparison value). */
  | { kind: 'scalar' }
  /** A scalar, or a list of them for `in` / `not_in`. */
  | { kind: 'scalarOrList' }
  /** The engine's recursive RuleGroup (branch conditions): edited by the rule builder. */
  | { kind: 'ruleGroup' }
  | { kind: 'unsupported'; reason: string };

export interface ObjectDescriptor {
  kind: 'object';
  fields: ObjectField[];
}

export interface ObjectField {
  name: string;
  required: boolean;
  default?: unknown;
  descriptor: FieldDescriptor;
}

type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  $defs?: Record<string, JsonSchema>;
};

const RULE_GROUP_REF = '#/$defs/RuleGroup';

/** Describes any schema from its JSON Schema (zod's own introspection, `z.toJSONSchema`). */
export function describeSchema(schema: z.ZodType): FieldDescriptor {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return describe(json, json.$defs ?? {});
}

/** Describes an object schema (a node's config, the campaign settings) field by field. */
export function describeObjectSchema(schema: z.ZodType): ObjectDescriptor {
  const descriptor = describeSchema(schema);
  if (descriptor.kind !== 'object') throw new Error(`expected an object schema, got ${descriptor.kind}`);
  return descriptor;
}

function describe(json: JsonSchema, defs: Record<string, JsonSchema>): FieldDescriptor {
  if (json.$ref === RULE_GROUP_REF) return { kind: 'ruleGroup' };
  if (json.$ref) {
    const target = defs[json.$ref.replace('#/$defs/', '')];
    return target ? describe(target, defs) : { kind: 'unsupported', reason: `unknown ${json.$ref}` };
  }
  const [only, ...others] = json.allOf ?? [];
  if (only && others.length === 0) return describe(only, defs);
  const alternatives = json.oneOf ?? json.anyOf;
  if (alternatives) return describeAlternatives(alternatives, defs);
  if (json.const !== undefined && typeof json.const === 'string')
    return { kind: 'literal', value: json.const };
  if (json.enum) return { kind: 'enum', options: json.enum.map(String) };
  switch (json.type) {
    case 'string':
      return compact({
        kind: 'text',
        minLength: json.minLength,
        maxLength: json.maxLength,
        pattern: json.pattern,
        format: json.format,
      });
    case 'number':
    case 'integer':
      return compact({
        kind: 'number',
        integer: json.type === 'integer',
        minimum: json.minimum ?? (json.exclusiveMinimum === 0 ? 1 : json.exclusiveMinimum),
        maximum: json.maximum ?? json.exclusiveMaximum,
      });
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return compact({
        kind: 'array',
        item: json.items
          ? describe(json.items, defs)
          : { kind: 'unsupported', reason: 'array without items' },
        minItems: json.minItems,
        maxItems: json.maxItems,
      });
    case 'object':
      if (!json.properties && typeof json.additionalProperties === 'object')
        return {
          kind: 'record',
          key: json.propertyNames ? describe(json.propertyNames, defs) : { kind: 'text' },
          value: describe(json.additionalProperties, defs),
        };
      return describeObject(json, defs);
    default:
      return { kind: 'unsupported', reason: `type ${String(json.type)}` };
  }
}

function describeObject(json: JsonSchema, defs: Record<string, JsonSchema>): ObjectDescriptor {
  const required = new Set(json.required ?? []);
  return {
    kind: 'object',
    fields: Object.entries(json.properties ?? {}).map(([name, property]) =>
      compact({
        name,
        required: required.has(name),
        default: property.default,
        descriptor: describe(property, defs),
      }),
    ),
  };
}

function isScalar(json: JsonSchema): boolean {
  return ['string', 'number', 'boolean', 'null'].includes(String(json.type)) && !json.enum && !json.const;
}

function describeAlternatives(alternatives: JsonSchema[], defs: Record<string, JsonSchema>): FieldDescriptor {
  if (alternatives.every(isScalar)) return { kind: 'scalar' };
  const [single, list] = alternatives;
  if (
    alternatives.length === 2 &&
    single?.anyOf?.every(isScalar) &&
    list?.type === 'array' &&
    list.items?.anyOf?.every(isScalar)
  )
    return { kind: 'scalarOrList' };
  // A rule group holds rules or nested groups: the rule builder edits the whole tree.
  if (alternatives.some((alternative) => alternative.$ref === RULE_GROUP_REF)) return { kind: 'ruleGroup' };
  const discriminator = commonConstProperty(alternatives);
  if (!discriminator) return { kind: 'unsupported', reason: 'a union without a discriminator' };
  return {
    kind: 'variants',
    discriminator,
    variants: alternatives.map((alternative) => ({
      value: String(alternative.properties?.[discriminator]?.const),
      shape: describeObject(alternative, defs),
    })),
  };
}

function commonConstProperty(alternatives: JsonSchema[]): string | undefined {
  const first = alternatives[0]?.properties ?? {};
  return Object.keys(first).find((name) =>
    alternatives.every((alternative) => typeof alternative.properties?.[name]?.const === 'string'),
  );
}

/** Drops undefined members so descriptors compare and print cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

/** Every descriptor inside one, depth first (for checks that nothing is left unsupported). */
export function* walkDescriptors(
  descriptor: FieldDescriptor,
  path = '',
): Generator<[string, FieldDescriptor]> {
  yield [path, descriptor];
  const join = (name: string) => (path ? `${path}.${name}` : name);
  switch (descriptor.kind) {
    case 'object':
      for (const field of descriptor.fields) yield* walkDescriptors(field.descriptor, join(field.name));
      break;
    case 'array':
      yield* walkDescriptors(descriptor.item, join('[]'));
      break;
    case 'record':
      yield* walkDescriptors(descriptor.value, join('{}'));
      break;
    case 'variants':
      for (const variant of descriptor.variants) yield* walkDescriptors(variant.shape, join(variant.value));
      break;
    default:
      break;
  }
}
