import type { PersonalisationContact } from '@loa/engine';
import type { ContactView } from '../contacts/contact-view';

/**
 * A stored contact as message templates see it (the engine's `contact` scope). The contact's own columns that the
 * engine's scope has no slot for (name, externalId, score) sit beside the attributes and win over attributes of the
 * same key, so `{{ contact.name }}` is the contact's name whatever the attributes hold.
 */
export function personalisationContactOf(contact: ContactView): PersonalisationContact {
  return {
    id: contact.id,
    attributes: {
      ...contact.attributes,
      ...(contact.name !== null && { name: contact.name }),
      ...(contact.externalId !== null && { externalId: contact.externalId }),
      score: contact.score,
    },
    tags: contact.tags,
    ...(contact.phone !== null && { phone: contact.phone }),
    ...(contact.email !== null && { email: contact.email }),
    ...(contact.identities[0] && { zaloUserId: contact.identities[0].userId }),
  };
}
