import type { EntityManager } from 'typeorm';
import { lockContacts } from '../contact-store';
import { liveOrMissing } from '../reads/contact-lookup';

/**
 * Erases a contact's personal data (the right to erasure) while keeping anonymous counts: the row keeps its id,
 * creation time and `erased_at`; its events keep their contact, type, name and times but lose their properties,
 * traits, context and user ids; its identities are deleted. Contacts merged into it were emptied by the merge, and
 * their events moved to it. A 404 problem when the contact is not live.
 */
export async function eraseContact(
  manager: EntityManager,
  input: { workspaceId: string; contactId: string },
): Promise<void> {
  const { workspaceId, contactId } = input;
  const [row] = await lockContacts(manager, workspaceId, [contactId]);
  liveOrMissing(row);
  await manager.query(
    `UPDATE contacts
        SET external_id = NULL, phone = NULL, email = NULL, name = NULL, attributes = '{}', tags = '{}',
            consents = '{}', do_not_contact = false, erased_at = now(), updated_at = now()
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, contactId],
  );
  await manager.query('DELETE FROM contact_identities WHERE workspace_id = $1 AND contact_id = $2', [
    workspaceId,
    contactId,
  ]);
  await manager.query(
    `UPDATE events SET properties = '{}', traits = '{}', context = '{}', user_id = NULL, anonymous_id = NULL
      WHERE workspace_id = $1 AND contact_id = $2`,
    [workspaceId, contactId],
  );
  // The send ledger keeps the message for the counts, not the address it went to, the request it was made from nor
  // the provider's error text (which can quote the address).
  await manager.query(
    `UPDATE messages SET recipient = NULL, request = NULL, error_message = NULL
      WHERE workspace_id = $1 AND contact_id = $2
        AND (recipient IS NOT NULL OR request IS NOT NULL OR error_message IS NOT NULL)`,
    [workspaceId, contactId],
  );
  await manager.query('DELETE FROM unsubscribe_tokens WHERE workspace_id = $1 AND contact_id = $2', [
    workspaceId,
    contactId,
  ]);
}
