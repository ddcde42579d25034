import type { EntityManager } from 'typeorm';
import type { MessageChannel } from '../channels/channel-kinds';
import type { StoredConsents } from '../contacts/contact-state';
import { contactIdOf } from './new-row';
import { ledgerAddress } from './recipient-address';
import type { GuardedContact } from './send-guards';

/** What the guards read about the recipient: by contact id, or else the contact that has this address. */
export interface RecipientFacts {
  contact?: GuardedContact & { zaloLastInteractionAt: Date | null };
}

export interface RecipientQuery {
  workspaceId: string;
  channel: MessageChannel;
  contactId?: string;
  to?: string;
  oaId?: string;
}

export interface ContactFactsRow {
  contact_found: boolean;
  do_not_contact: boolean;
  consents: StoredConsents;
  phone: string | null;
  email: string | null;
  zalo_user_id: string | null;
  zalo_last_interaction_at: Date | null;
}

/**
 * How to find the recipient's contact: by its id when it names a live contact, else by the address the message goes
 * to (a phone, an e-mail, a Zalo user id of the OA), so that an id naming no contact (or a merged one) with an address
 * still meets the address's do-not-contact.
 */
export interface FactsLookup {
  contactId: string | null;
  by: 'phone' | 'email' | 'zalo' | null;
  key: string | null;
  oaId: string | null;
}

/** A contact that is neither erased nor merged, in the lookup's workspace. */
const LIVE = `c.workspace_id = n.workspace_id AND c.erased_at IS NULL AND c.merged_into IS NULL`;
const CONTACT = `c.id, c.do_not_contact, c.consents, c.phone, c.email`;

/**
 * Joins the facts of each lookup row `n` (columns workspace_id, contact_id, lookup_by, lookup_key, oa_id) as `f`
 * (the contact: by id first, else by address) and `z` (its Zalo identity on the OA, the looked-up one first); select
 * CONTACT_FACTS_COLUMNS.
 */
export const CONTACT_FACTS_JOIN = `
  LEFT JOIN LATERAL (
    SELECT ${CONTACT} FROM contacts c WHERE n.contact_id IS NOT NULL AND c.id = n.contact_id AND ${LIVE}
    UNION ALL
    SELECT ${CONTACT} FROM contacts c WHERE n.lookup_by = 'phone' AND c.phone = n.lookup_key AND ${LIVE}
    UNION ALL
    SELECT ${CONTACT} FROM contacts c WHERE n.lookup_by = 'email' AND lower(c.email) = n.lookup_key AND ${LIVE}
    UNION ALL
    SELECT ${CONTACT} FROM contact_identities i JOIN contacts c ON c.id = i.contact_id
     WHERE n.lookup_by = 'zalo' AND i.workspace_id = n.workspace_id AND i.kind = 'zalo' AND i.oa_id = n.oa_id
       AND i.external_user_id = n.lookup_key AND ${LIVE}
    LIMIT 1
  ) f ON true
  LEFT JOIN LATERAL (
    SELECT i.external_user_id, i.last_interaction_at FROM contact_identities i
     WHERE i.contact_id = f.id AND i.kind = 'zalo' AND i.oa_id = n.oa_id
     ORDER BY i.external_user_id = n.lookup_key DESC, i.last_interaction_at DESC NULLS LAST
     LIMIT 1
  ) z ON true`;

export const CONTACT_FACTS_COLUMNS = `f.id IS NOT NULL AS contact_found, f.do_not_contact, f.consents, f.phone, f.email,
  z.external_user_id AS zalo_user_id, z.last_interaction_at AS zalo_last_interaction_at`;

/** The facts about one recipient, inside the caller's transaction. */
export async function recipientFacts(manager: EntityManager, query: RecipientQuery): Promise<RecipientFacts> {
  const lookup = lookupOf(query);
  if (!lookup) return {};
  const [row] = (await manager.query(
    `SELECT ${CONTACT_FACTS_COLUMNS}
       FROM (SELECT $1::uuid AS workspace_id, $2::uuid AS contact_id, $3::text AS lookup_by, $4::text AS lookup_key,
                    $5::text AS oa_id) n
       ${CONTACT_FACTS_JOIN}`,
    [query.workspaceId, lookup.contactId, lookup.by, lookup.key, lookup.oaId],
  )) as ContactFactsRow[];
  return factsOf(query.channel, row);
}

export function factsOf(channel: MessageChannel, row: ContactFactsRow | undefined): RecipientFacts {
  if (!row?.contact_found) return {};
  const address = channel === 'email' ? row.email : channel === 'zalo_oa' ? row.zalo_user_id : row.phone;
  return {
    contact: {
      doNotContact: row.do_not_contact,
      consents: row.consents,
      address,
      zaloLastInteractionAt: row.zalo_last_interaction_at,
    },
  };
}

export function lookupOf(query: RecipientQuery): FactsLookup | undefined {
  const contactId = contactIdOf(query.contactId);
  const address = ledgerAddress(query.channel, query.to) ?? null;
  if (contactId === null && address === null) return undefined;
  const by =
    address === null
      ? null
      : query.channel === 'email'
        ? 'email'
        : query.channel === 'zalo_oa'
          ? 'zalo'
          : 'phone';
  return { contactId, by, key: address, oaId: query.oaId ?? null };
}
