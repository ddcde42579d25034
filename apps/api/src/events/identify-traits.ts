/** What an identify call writes to its contact. */
export interface ContactWriteFromTraits {
  name?: string;
  phone?: string;
  email?: string;
  attributes: Record<string, unknown>;
}

const CONTACT_FIELDS = new Set(['name', 'email', 'phone']);

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Segment's reserved traits become contact fields: `email`, `phone`, and `name` (or, as Segment builds it,
 * `firstName lastName`); every other trait
 * (`firstName` and `lastName` included, for personalisation) is a contact attribute of the same key.
 */
export function contactWriteFromTraits(traits: Record<string, unknown>): ContactWriteFromTraits {
  const write: ContactWriteFromTraits = { attributes: {} };
  const name =
    text(traits['name']) ??
    ([text(traits['firstName']), text(traits['lastName'])].filter(Boolean).join(' ') || undefined);
  if (name !== undefined) write.name = name;
  const email = text(traits['email']);
  if (email !== undefined) write.email = email;
  const phone = text(traits['phone']);
  if (phone !== undefined) write.phone = phone;
  for (const [key, value] of Object.entries(traits)) {
    if (CONTACT_FIELDS.has(key) || value === undefined) continue;
    write.attributes[key] = value;
  }
  return write;
}
