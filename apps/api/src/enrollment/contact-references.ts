import type { DataSource } from 'typeorm';
import type { FieldError } from '../http/problem';
import { normalizeEmail, normalizePhone } from '../contacts/normalize-write';

/** A contact named by its id or by one identity, as a caller sends it. */
export type ContactReference =
  { contactId: string } | { phone: string } | { email: string } | { externalId: string };

export type IdentityKey = 'phone' | 'email' | 'externalId';

/** Each reference's live contact id (a merged contact's survivor), or null when the workspace has no such contact. */
export async function resolveContactReferences(
  db: DataSource,
  workspaceId: string,
  references: ContactReference[],
): Promise<Array<string | null>> {
  const ids = references.flatMap((ref) => ('contactId' in ref ? [ref.contactId] : []));
  const phones = references.flatMap((ref) => ('phone' in ref ? [ref.phone] : []));
  const emails = references.flatMap((ref) => ('email' in ref ? [ref.email] : []));
  const externalIds = references.flatMap((ref) => ('externalId' in ref ? [ref.externalId] : []));
  const rows = (await db.query(
    `SELECT c.id::text AS id, c.phone, lower(c.email) AS email, c.external_id,
            COALESCE(m.id, c.id)::text AS live_id, (COALESCE(m.erased_at, c.erased_at) IS NULL) AS live,
            (c.merged_into IS NULL OR m.merged_into IS NULL) AS resolved
       FROM contacts c LEFT JOIN contacts m ON m.id = c.merged_into
      WHERE c.workspace_id = $1
        AND (c.id = ANY($2::uuid[]) OR c.phone = ANY($3::text[]) OR lower(c.email) = ANY($4::text[])
             OR c.external_id = ANY($5::text[]))`,
    [workspaceId, ids, phones, emails, externalIds],
  )) as Array<{
    id: string;
    phone: string | null;
    email: string | null;
    external_id: string | null;
    live_id: string;
    live: boolean;
    resolved: boolean;
  }>;
  const found = new Map<string, string>();
  for (const row of rows) {
    if (!row.live || !row.resolved) continue;
    found.set(`id:${row.id}`, row.live_id);
    if (row.phone) found.set(`phone:${row.phone}`, row.live_id);
    if (row.email) found.set(`email:${row.email}`, row.live_id);
    if (row.external_id) found.set(`externalId:${row.external_id}`, row.live_id);
  }
  return references.map((ref) => found.get(referenceKey(ref)) ?? null);
}

function referenceKey(ref: ContactReference): string {
  if ('contactId' in ref) return `id:${ref.contactId}`;
  if ('phone' in ref) return `phone:${ref.phone}`;
  if ('email' in ref) return `email:${ref.email}`;
  return `externalId:${ref.externalId}`;
}

/** The identity normalised the way contacts store it, or the error naming `field`. */
export function normalizeIdentity(
  key: IdentityKey,
  value: string,
  field: string,
): { ref: ContactReference } | { error: FieldError } {
  if (key === 'phone') {
    const phone = normalizePhone(value);
    return phone.ok
      ? { ref: { phone: phone.phone } }
      : { error: { in: 'body', field, message: phone.message } };
  }
  if (key === 'email') {
    const email = normalizeEmail(value);
    return email ? { ref: { email } } : { error: { in: 'body', field, message: 'is not an e-mail address' } };
  }
  const externalId = value.trim();
  return externalId.length >= 1 && externalId.length <= 200
    ? { ref: { externalId } }
    : { error: { in: 'body', field, message: 'must be 1 to 200 characters' } };
}
