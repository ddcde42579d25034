import { readPath } from '@loa/engine';
import type { ContactView } from '../../contacts/contact-view';

/** The contact's own fields, by the names templates and rules use; they win over attributes of the same name. */
function builtInFields(contact: ContactView): Record<string, unknown> {
  return {
    id: contact.id,
    name: contact.name,
    externalId: contact.externalId,
    phone: contact.phone,
    email: contact.email,
    score: contact.score,
    tags: contact.tags,
    doNotContact: contact.doNotContact,
    zaloUserId: contact.identities[0]?.userId,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}

/**
 * The requested fields of a contact, keyed as requested: an attribute (`birthday`, a dotted path into an object
 * attribute, or `attributes.birthday`) or a built-in field (id, name, externalId, phone, email, score, tags,
 * doNotContact, zaloUserId, createdAt, updatedAt). Fields the contact does not have (or holds as null) are absent.
 */
export function readContactFields(contact: ContactView, fields: readonly string[]): Record<string, unknown> {
  const source = { ...contact.attributes, ...builtInFields(contact), attributes: contact.attributes };
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = readPath(source, field);
    if (value !== undefined && value !== null) result[field] = value;
  }
  return result;
}
