import type { ContactsService } from '../../contacts/contacts.service';
import type { ContactView } from '../../contacts/contact-view';
import { ProblemException } from '../../http/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A merged contact points at its survivor; a survivor is never merged itself, but a chain is followed a little. */
const MAX_MERGE_HOPS = 5;

/**
 * The journey's contact as it is now: the contact itself, or the contact it was merged into since the journey
 * began (merges move events and identities to the survivor). Undefined when it is erased or does not exist.
 */
export async function currentContact(
  contacts: Pick<ContactsService, 'get'>,
  workspaceId: string,
  contactId: string,
): Promise<ContactView | undefined> {
  if (!UUID.test(contactId)) return undefined;
  let id = contactId;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop += 1) {
    try {
      return await contacts.get(workspaceId, id);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== 404) throw error;
      const mergedInto = error.extra.mergedInto;
      if (typeof mergedInto !== 'string') return undefined;
      id = mergedInto;
    }
  }
  return undefined;
}
