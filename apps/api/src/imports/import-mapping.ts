import { z } from 'zod';

export const IMPORT_MODES = ['create', 'update', 'both'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Contact fields that find a contact. */
export const IDENTITY_KEYS = ['phone', 'email', 'externalId'] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export const CONTACT_FIELDS = ['name', 'email', 'phone', 'externalId', 'tags', 'doNotContact'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const IMPORT_ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date', 'datetime', 'enum'] as const;
export type ImportAttributeType = (typeof IMPORT_ATTRIBUTE_TYPES)[number];

/**
 * How dates are written in a column (luxon tokens); single-digit days, months and hours are accepted too.
 * `iso` is ISO 8601.
 */
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
export type DateFormat = (typeof DATE_FORMATS)[number];

const attributeKey = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
    'must start with a letter or _ and hold only letters, digits and _',
  );

export const mappingTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('identity'), key: z.enum(IDENTITY_KEYS) }).strict(),
  z.object({ kind: z.literal('field'), field: z.enum(CONTACT_FIELDS) }).strict(),
  z
    .object({
      kind: z.literal('attribute'),
      key: attributeKey,
      type: z.enum(IMPORT_ATTRIBUTE_TYPES),
      dateFormat: z.enum(DATE_FORMATS).optional(),
      /** The allowed values when the mapping declares a new `enum` attribute. */
      enumValues: z.array(z.string().trim().min(1).max(200)).min(1).max(500).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('skip') }).strict(),
]);
export type MappingTarget = z.infer<typeof mappingTargetSchema>;

export const columnMappingSchema = z
  .object({ column: z.string().max(500), target: mappingTargetSchema })
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const startImportSchema = z
  .object({
    mapping: z.array(columnMappingSchema).min(1).max(500),
    mode: z.enum(IMPORT_MODES).default('both'),
    dryRun: z.boolean().default(false),
    /** Which mapped field finds the contact when no column is mapped to `identity`. */
    identityKey: z.enum(IDENTITY_KEYS).optional(),
  })
  .strict();
export type StartImport = z.infer<typeof startImportSchema>;
