import { z } from 'zod';

/** Channels a contact can consent to, each with its own state (issue 8 §2). */
export const CONSENT_CHANNELS = ['zns', 'oa', 'sms', 'email'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_STATES = ['granted', 'denied', 'unknown'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

// PostgreSQL has no year 0 (1 BC comes before AD 1), so such a time would fail the write.
const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((value) => !value.startsWith('0000-'), 'must be in year 1 or later');

export const zaloIdentityKeySchema = z.object({
  oaId: z.string().trim().min(1).max(100),
  userId: z.string().trim().min(1).max(100),
  follower: z.boolean().optional(),
});

/**
 * The keys that find a contact. Phone and e-mail are given as the caller has them; the service normalises them
 * (and answers 422 naming the field when it cannot).
 */
export const contactIdentityKeysSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200).optional(),
    phone: z.string().max(50).optional(),
    email: z.string().max(254).optional(),
    zalo: zaloIdentityKeySchema.optional(),
  })
  .strict();
export type ContactIdentityKeys = z.infer<typeof contactIdentityKeysSchema>;

export const consentWriteSchema = z
  .object({
    state: z.enum(CONSENT_STATES),
    source: z.string().trim().min(1).max(100),
    at: isoDateTime.optional(),
  })
  .strict();
export type ConsentWrite = z.infer<typeof consentWriteSchema>;

export const zaloIdentityWriteSchema = z
  .object({
    oaId: z.string().trim().min(1).max(100),
    userId: z.string().trim().min(1).max(100),
    follower: z.boolean().optional(),
    followedAt: isoDateTime.optional(),
  })
  .strict();

const tagSchema = z.string().trim().min(1).max(64);

/**
 * A change to a contact; every field is optional and `undefined` leaves it unchanged. `null` clears a field,
 * and in `attributes` removes that key. Attribute values are checked and coerced against the workspace's
 * attribute definitions by the service.
 */
export const contactWriteSchema = z
  .object({
    name: z.string().trim().max(200).nullable().optional(),
    phone: z.string().max(50).nullable().optional(),
    email: z.string().max(254).nullable().optional(),
    externalId: z.string().trim().min(1).max(200).nullable().optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    tags: z
      .object({ add: z.array(tagSchema).max(100).optional(), remove: z.array(tagSchema).max(100).optional() })
      .strict()
      .optional(),
    doNotContact: z.boolean().optional(),
    consents: z.partialRecord(z.enum(CONSENT_CHANNELS), consentWriteSchema).optional(),
    zalo: z.array(zaloIdentityWriteSchema).max(20).optional(),
  })
  .strict();
export type ContactWrite = z.infer<typeof contactWriteSchema>;
