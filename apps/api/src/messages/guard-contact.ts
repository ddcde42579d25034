import { normalizeVietnamesePhone } from '@loa/connectors';
import type { DataSource, EntityManager } from 'typeorm';
import type { MessageChannel } from '../channels/channel-kinds';
import type { StoredConsents } from '../contacts/contact-state';
import { KeyedBatcher } from './batcher';
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

interface ContactFactsRow {
  lookup_key: string;
  do_not_contact: boolean;
  consents: StoredConsents;
  phone: string | null;
  email: string | null;
  zalo_user_id: string | null;
  zalo_last_interaction_at: Date | null;
}

type LookupBy = 'id' | 'phone' | 'email' | 'zalo';

const KEY_EXPRESSION: Record<LookupBy, string> = {
  id: 'c.id::text',
  phone: 'c.phone',
  email: 'lower(c.email)',
  zalo: 'i.external_user_id',
};

/** The facts about one recipient, inside the caller's transaction. */
export async function recipientFacts(manager: EntityManager, query: RecipientQuery): Promise<RecipientFacts> {
  const lookup = lookupOf(query);
  if (!lookup) return {};
  const rows = await readFacts(manager, query, lookup.by, [lookup.key]);
  return factsOf(query.channel, rows.get(lookup.key));
}

/** The same facts for many concurrent sends, read with one query per workspace, channel and kind of lookup. */
export class RecipientFactsReader {
  private readonly batcher: KeyedBatcher<{ query: RecipientQuery; key: string }, RecipientFacts>;

  constructor(db: DataSource) {
    this.batcher = new KeyedBatcher(
      async (_group, items) => {
        const [{ query }] = items;
        const by = lookupOf(query)!.by;
        const rows = await readFacts(db.manager, query, by, [...new Set(items.map((item) => item.key))]);
        return items.map((item) => factsOf(item.query.channel, rows.get(item.key)));
      },
      { lanes: 3 },
    );
  }

  read(query: RecipientQuery): Promise<RecipientFacts> {
    const lookup = lookupOf(query);
    if (!lookup) return Promise.resolve({});
    const group = `${query.workspaceId}|${query.channel}|${lookup.by}|${query.oaId ?? ''}`;
    return this.batcher.submit(group, { query, key: lookup.key });
  }
}

async function readFacts(
  manager: EntityManager,
  query: RecipientQuery,
  by: LookupBy,
  keys: string[],
): Promise<Map<string, ContactFactsRow>> {
  const rows = (await manager.query(
    `SELECT ${KEY_EXPRESSION[by]} AS lookup_key, c.do_not_contact, c.consents, c.phone, c.email,
            i.external_user_id AS zalo_user_id, i.last_interaction_at AS zalo_last_interaction_at
       FROM contacts c
       LEFT JOIN contact_identities i ON i.contact_id = c.id AND i.kind = 'zalo' AND i.oa_id = $3
      WHERE c.workspace_id = $1 AND ${KEY_EXPRESSION[by]} = ANY($2::text[])
        AND c.erased_at IS NULL AND c.merged_into IS NULL`,
    [query.workspaceId, keys, query.oaId ?? null],
  )) as ContactFactsRow[];
  return new Map(rows.map((row) => [row.lookup_key, row]));
}

function factsOf(channel: MessageChannel, row: ContactFactsRow | undefined): RecipientFacts {
  if (!row) return {};
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

function lookupOf(query: RecipientQuery): { by: LookupBy; key: string } | undefined {
  if (query.contactId) return { by: 'id', key: query.contactId.toLowerCase() };
  if (query.to === undefined) return undefined;
  if (query.channel === 'email') return { by: 'email', key: query.to.toLowerCase() };
  if (query.channel === 'zalo_oa') return { by: 'zalo', key: query.to };
  const phone = normalizeVietnamesePhone(query.to);
  return { by: 'phone', key: phone.ok ? phone.phone : query.to };
}
