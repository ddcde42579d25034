import { z } from 'zod';
import {
  ATTRIBUTE_KEY_PATTERN,
  ATTRIBUTE_TYPES,
  attributeKeySchema,
} from './attributes/attribute-definition';
import {
  CONSENT_CHANNELS,
  CONSENT_STATES,
  type ConsentChannel,
  type ConsentState,
  contactIdentityKeysSchema,
  contactWriteSchema,
} from './contact-input';
import { CONTACT_SORTS } from './reads/contact-cursor';

const consentViewSchema = z.object({ state: z.enum(CONSENT_STATES), source: z.string(), at: z.string() });

export const contactViewSchema = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  phone: z.string().nullable().describe('84xxxxxxxxx'),
  email: z.string().nullable(),
  name: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  score: z.number().int(),
  doNotContact: z.boolean(),
  consents: z.partialRecord(z.enum(CONSENT_CHANNELS), consentViewSchema),
  identities: z.array(
    z.object({
      kind: z.literal('zalo'),
      oaId: z.string(),
      userId: z.string(),
      follower: z.boolean(),
      followedAt: z.string().nullable(),
      lastInteractionAt: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const contactIdParamsSchema = z.object({ id: z.uuid() });

/** POST /contacts: the new contact's fields; its identifiers must not belong to another contact (409). */
export const createContactBodySchema = contactWriteSchema;
export const patchContactBodySchema = contactWriteSchema;
/** PUT /contacts: find by any identity in `match`, create when none, then apply the write. */
export const upsertContactBodySchema = contactWriteSchema.extend({ match: contactIdentityKeysSchema });

export const upsertContactResponseSchema = z.object({
  outcome: z.enum(['created', 'updated', 'unchanged', 'merged']),
  contact: contactViewSchema,
  mergedContactIds: z.array(z.uuid()).optional(),
  conflicts: z
    .array(
      z.object({
        key: z.enum(['externalId', 'phone', 'email', 'zalo']),
        contactId: z.uuid(),
        conflictingKind: z.enum(['externalId', 'phone', 'email', 'zalo']),
      }),
    )
    .optional()
    .describe('Match keys not applied: the contact they found (or the survivor) holds another identity'),
});

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
const listOf = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]));

const CONSENT_PARAMS = CONSENT_CHANNELS.map((channel) => `consent.${channel}`);

const namedListParams = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Prefix of name, e-mail or external id, or part of a phone'),
  tag: listOf.optional().describe('Contacts carrying every given tag'),
  hasPhone: booleanQuery.optional(),
  hasEmail: booleanQuery.optional(),
  doNotContact: booleanQuery.optional(),
  sort: z.enum(CONTACT_SORTS).default('created_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional().describe('nextCursor of the previous page'),
  count: booleanQuery
    .optional()
    .describe('true: also answer `total`, the number of contacts the filters select'),
});
const NAMED_PARAMS = new Set(Object.keys(namedListParams.shape));

/**
 * GET /contacts. Besides the named parameters: `consent.<channel>=<state>` (channels zns, oa, sms, email) and
 * `attr.<key>=<value>` (attribute equality, typed by the attribute's definition).
 */
export const listContactsQuerySchema = namedListParams
  .catchall(z.string())
  .superRefine((query, context) => {
    for (const [key, value] of Object.entries(query)) {
      if (NAMED_PARAMS.has(key)) continue;
      if (CONSENT_PARAMS.includes(key)) {
        if (!(CONSENT_STATES as readonly string[]).includes(value as string))
          context.addIssue({
            code: 'custom',
            path: [key],
            message: `must be one of: ${CONSENT_STATES.join(', ')}`,
          });
      } else if (key.startsWith('attr.')) {
        if (!ATTRIBUTE_KEY_PATTERN.test(key.slice('attr.'.length)))
          context.addIssue({ code: 'custom', path: [key], message: 'names no valid attribute key' });
      } else context.addIssue({ code: 'custom', path: [key], message: 'is not a known parameter' });
    }
  })
  .transform((query) => {
    const consents: Partial<Record<ConsentChannel, ConsentState>> = {};
    const attributes: Record<string, string> = {};
    const named: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(query)) {
      if (NAMED_PARAMS.has(key)) named[key] = value;
      else if (key.startsWith('consent.'))
        consents[key.slice('consent.'.length) as ConsentChannel] = value as ConsentState;
      else if (key.startsWith('attr.')) attributes[key.slice('attr.'.length)] = value as string;
    }
    const { tag, ...rest } = named as z.infer<typeof namedListParams>;
    return { ...rest, tags: tag, consents, attributes };
  });

export const contactPageSchema = z.object({
  items: z.array(contactViewSchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  total: z.number().int().optional().describe('With count=true: contacts the filters select, on all pages'),
});

/** GET /contacts/{id}/segments: the segments the contact is a member of now, by name. */
export const contactSegmentListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      since: z.string().describe('When the contact entered the segment'),
    }),
  ),
});

export const attributeDefinitionSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  enumValues: z.array(z.string()).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const attributeDefinitionListSchema = z.object({ items: z.array(attributeDefinitionSchema) });

const enumValuesSchema = z
  .array(z.string().trim().min(1).max(100))
  .min(1)
  .max(200)
  .refine((values) => new Set(values).size === values.length, 'must not repeat a value');

export const createAttributeDefinitionBodySchema = z
  .object({
    key: attributeKeySchema,
    label: z.string().trim().min(1).max(100).optional(),
    type: z.enum(ATTRIBUTE_TYPES),
    enumValues: enumValuesSchema.optional(),
  })
  .strict();

export const updateAttributeDefinitionBodySchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    type: z.enum(ATTRIBUTE_TYPES).optional(),
    enumValues: enumValuesSchema.nullable().optional(),
  })
  .strict();

export const attributeKeyParamsSchema = z.object({ key: attributeKeySchema });
