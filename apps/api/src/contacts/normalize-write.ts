import { normalizeVietnamesePhone } from '@loa/connectors';
import { z } from 'zod';
import type { FieldError } from '../http/problem';
import { zodFieldErrors } from '../http/zod-field-errors';
import { ATTRIBUTE_KEY_PATTERN, type AttributeDefinitions } from './attributes/attribute-definition';
import { coerceAttribute } from './attributes/coerce-attribute';
import {
  type ContactIdentityKeys,
  type ContactWrite,
  contactIdentityKeysSchema,
  contactWriteSchema,
} from './contact-input';
import type { NormalizedWrite, StoredConsents } from './contact-state';

export interface NormalizedKeys {
  externalId?: string;
  phone?: string;
  email?: string;
  zalo?: { oaId: string; userId: string; follower?: boolean };
}

export interface NormalizedZaloIdentity {
  oaId: string;
  userId: string;
  follower?: boolean;
  followedAt?: string;
}

export interface NormalizedUpsert {
  match: NormalizedKeys;
  write: NormalizedWrite;
  zalo: NormalizedZaloIdentity[];
}

export type Normalized<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const emailSchema = z.email();
const MAX_ATTRIBUTES_PER_WRITE = 200;

/** `84xxxxxxxxx`, or the reason the number cannot be a Vietnamese mobile. */
export function normalizePhone(input: string): { ok: true; phone: string } | { ok: false; message: string } {
  const result = normalizeVietnamesePhone(input);
  if (result.ok) return result;
  return {
    ok: false,
    message:
      result.reason === 'not_mobile'
        ? 'is a Vietnamese landline, not a mobile number'
        : 'is not a valid Vietnamese mobile number',
  };
}

/**
 * Every text in Unicode NFC: Vietnamese typed on different keyboards (precomposed or combining marks) is stored one
 * way, so equal names, attributes and tags compare equal in search, segments and templates.
 */
export function nfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfcDeep);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key.normalize('NFC'),
        nfcDeep(item),
      ]),
    );
  return value;
}

/** Trimmed, lower-cased and checked; null when it is not an e-mail address. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return emailSchema.safeParse(email).success ? email : null;
}

/**
 * Checks and normalises what an upsert was given: phones to 84xxxxxxxxx, e-mails lower-cased, attribute values
 * coerced by their definitions. Every offending field is named (`phone`, `attributes.birthday`, `match.email`).
 */
export function normalizeUpsert(input: {
  match: ContactIdentityKeys;
  write: ContactWrite;
  definitions: AttributeDefinitions;
  timezone: string;
}): Normalized<NormalizedUpsert> {
  const errors: FieldError[] = [];
  const matchParsed = contactIdentityKeysSchema.safeParse(nfcDeep(input.match ?? {}));
  const writeParsed = contactWriteSchema.safeParse(nfcDeep(input.write ?? {}));
  if (!matchParsed.success) errors.push(...prefixed(zodFieldErrors(matchParsed.error, 'body'), 'match'));
  if (!writeParsed.success) errors.push(...zodFieldErrors(writeParsed.error, 'body'));
  if (!matchParsed.success || !writeParsed.success) return { ok: false, errors };

  const match = normalizeKeys(matchParsed.data, errors);
  const source = writeParsed.data;
  const write: NormalizedWrite = {};
  if (source.name !== undefined) write.name = source.name === '' ? null : source.name;
  if (source.externalId !== undefined) write.externalId = source.externalId;
  if (source.phone !== undefined)
    write.phone = nullableIdentifier(source.phone, 'phone', normalizePhoneOr, errors);
  if (source.email !== undefined)
    write.email = nullableIdentifier(source.email, 'email', normalizeEmailOr, errors);
  if (source.attributes !== undefined)
    write.attributes = normalizeAttributes(source.attributes, input, errors);
  if (source.tags !== undefined)
    write.tags = { add: source.tags.add ?? [], remove: source.tags.remove ?? [] };
  if (source.doNotContact !== undefined) write.doNotContact = source.doNotContact;
  if (source.consents !== undefined) {
    const now = new Date().toISOString();
    const consents: StoredConsents = {};
    for (const [channel, consent] of Object.entries(source.consents))
      consents[channel as keyof StoredConsents] = {
        state: consent.state,
        source: consent.source,
        at: new Date(consent.at ?? now).toISOString(),
      };
    write.consents = consents;
  }
  const zalo = (source.zalo ?? []).map((identity) => ({
    ...identity,
    followedAt: identity.followedAt ? new Date(identity.followedAt).toISOString() : undefined,
  }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { match, write, zalo } };
}

function normalizeKeys(keys: ContactIdentityKeys, errors: FieldError[]): NormalizedKeys {
  const normalized: NormalizedKeys = {};
  if (keys.externalId !== undefined) normalized.externalId = keys.externalId;
  if (keys.phone !== undefined) {
    const phone = normalizePhoneOr(keys.phone, 'match.phone', errors);
    if (phone) normalized.phone = phone;
  }
  if (keys.email !== undefined) {
    const email = normalizeEmailOr(keys.email, 'match.email', errors);
    if (email) normalized.email = email;
  }
  if (keys.zalo !== undefined) normalized.zalo = keys.zalo;
  return normalized;
}

function normalizePhoneOr(value: string, field: string, errors: FieldError[]): string | undefined {
  const result = normalizePhone(value);
  if (result.ok) return result.phone;
  errors.push({ in: 'body', field, message: result.message });
  return undefined;
}

function normalizeEmailOr(value: string, field: string, errors: FieldError[]): string | undefined {
  const email = normalizeEmail(value);
  if (email) return email;
  errors.push({ in: 'body', field, message: 'is not a valid e-mail address' });
  return undefined;
}

/** null or empty clears the identifier; anything else must normalise. */
function nullableIdentifier(
  value: string | null,
  field: string,
  normalize: (value: string, field: string, errors: FieldError[]) => string | undefined,
  errors: FieldError[],
): string | null {
  if (value === null || value.trim() === '') return null;
  return normalize(value, field, errors) ?? null;
}

function normalizeAttributes(
  attributes: Record<string, unknown>,
  context: { definitions: AttributeDefinitions; timezone: string },
  errors: FieldError[],
): Record<string, unknown> {
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES_PER_WRITE) {
    errors.push({
      in: 'body',
      field: 'attributes',
      message: `must hold at most ${MAX_ATTRIBUTES_PER_WRITE} keys`,
    });
    return {};
  }
  const coerced: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const field = `attributes.${key}`;
    if (!ATTRIBUTE_KEY_PATTERN.test(key)) {
      errors.push({
        in: 'body',
        field,
        message: 'is not a valid attribute key (letters, digits and _, at most 64)',
      });
      continue;
    }
    if (value === null) {
      coerced[key] = null;
      continue;
    }
    const result = coerceAttribute(value, context.definitions.get(key), context.timezone);
    if (result.ok) coerced[key] = result.value;
    else errors.push({ in: 'body', field, message: result.message });
  }
  return coerced;
}

function prefixed(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field: error.field === 'body' ? prefix : `${prefix}.${error.field}`,
  }));
}
