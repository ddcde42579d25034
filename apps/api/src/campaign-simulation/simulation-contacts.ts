import type { SampleContactInput } from '@loa/engine';
import type { EntityManager } from 'typeorm';
import type { ContactsService } from '../contacts/contacts.service';
import type { ContactView } from '../contacts/contact-view';
import { ProblemException, type FieldError } from '../http/problem';
import { personalisationContactOf } from '../templates/personalisation-contact';
import { realContactRefSchema } from './simulation.schemas';

/**
 * The simulator's contacts from the request's items: typed sample contacts pass as they are (the simulator
 * checks them); `{contactId}` items are the workspace's contacts as they are now, with the fields the runtime
 * reads (attributes as templates see them, tags, phone, email, Zalo user id, do-not-contact, consents, segments).
 * A contact id that is not the workspace's is a 422 naming its item.
 */
export async function simulationContacts(
  manager: EntityManager,
  contacts: Pick<ContactsService, 'get'>,
  workspaceId: string,
  items: Array<Record<string, unknown>>,
): Promise<unknown[]> {
  // By item: the lookups finish in any order, the answer names the fields in the order they were sent.
  const errorsByItem: FieldError[][] = items.map(() => []);
  const resolved = await Promise.all(
    items.map(async (item, index): Promise<unknown> => {
      if (!('contactId' in item)) return item;
      const ref = realContactRefSchema.safeParse(item);
      if (!ref.success) {
        for (const issue of ref.error.issues)
          errorsByItem[index]!.push({
            in: 'body',
            field: ['contacts', index, ...issue.path].join('.'),
            message: issue.message,
          });
        return undefined;
      }
      const contact = await contacts.get(workspaceId, ref.data.contactId).catch((error: unknown) => {
        if (error instanceof ProblemException && error.getStatus() === 404) return undefined;
        throw error;
      });
      if (!contact) {
        errorsByItem[index]!.push({
          in: 'body',
          field: `contacts.${index}.contactId`,
          message: 'is not a contact of this workspace',
        });
        return undefined;
      }
      return { contact, entryEvent: ref.data.entryEvent };
    }),
  );
  const errors = errorsByItem.flat();
  if (errors.length > 0)
    throw new ProblemException(422, errors.map((error) => `${error.field}: ${error.message}`).join('; '), {
      type: 'urn:loa:problem:validation',
      errors,
    });
  const real = resolved.flatMap((entry) =>
    entry && typeof entry === 'object' && 'contact' in entry
      ? [(entry as { contact: ContactView }).contact.id]
      : [],
  );
  const segments = await segmentsOf(manager, real);
  return resolved.map((entry) => {
    if (!(entry && typeof entry === 'object' && 'contact' in entry)) return entry;
    const { contact, entryEvent } = entry as {
      contact: ContactView;
      entryEvent?: SampleContactInput['entryEvent'];
    };
    return sampleOf(contact, segments.get(contact.id) ?? [], entryEvent);
  });
}

function sampleOf(
  contact: ContactView,
  segments: string[],
  entryEvent: SampleContactInput['entryEvent'],
): SampleContactInput {
  const personalised = personalisationContactOf(contact);
  const consents: Record<string, string> = {};
  for (const [channel, consent] of Object.entries(contact.consents))
    if (consent) consents[channel] = consent.state;
  return {
    id: contact.id,
    attributes: personalised.attributes,
    tags: contact.tags,
    ...(personalised.phone !== undefined && { phone: personalised.phone }),
    ...(personalised.email !== undefined && { email: personalised.email }),
    ...(personalised.zaloUserId !== undefined && { zaloUserId: personalised.zaloUserId }),
    doNotContact: contact.doNotContact,
    consents: consents as SampleContactInput['consents'],
    segments,
    ...(entryEvent && { entryEvent }),
  };
}

async function segmentsOf(manager: EntityManager, contactIds: string[]): Promise<Map<string, string[]>> {
  if (contactIds.length === 0) return new Map();
  const rows: Array<{ contact_id: string; segment_id: string }> = await manager.query(
    'SELECT contact_id, segment_id FROM segment_memberships WHERE contact_id = ANY ($1::uuid[])',
    [contactIds],
  );
  const byContact = new Map<string, string[]>();
  for (const row of rows)
    byContact.set(row.contact_id, [...(byContact.get(row.contact_id) ?? []), row.segment_id]);
  return byContact;
}
