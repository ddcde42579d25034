import { normalizeVietnamesePhone } from '@loa/connectors';
import type { EntityManager } from 'typeorm';
import type { MessageChannel } from '../channels/channel-kinds';
import type { StoredConsents } from '../contacts/contact-state';
import type { GuardedContact } from './send-guards';

/** What the guards read about the recipient: by contact id, or else the contact that has this address. */
export interface RecipientFacts {
  contact?: GuardedContact & { zaloLastInteractionAt: Date | null };
}

interface ContactFactsRow {
  do_not_contact: boolean;
  consents: StoredConsents;
  phone: string | null;
  email: string | null;
  zalo_user_id: string | null;
  zalo_last_interaction_at: Date | null;
}

export async function recipientFacts(
  manager: EntityManager,
  input: {
    workspaceId: string;
    channel: MessageChannel;
    contactId?: string;
    to?: string;
    oaId?: string;
  },
): Promise<RecipientFacts> {
  const where = input.contactId ? 'c.id = $2' : addressCondition(input.channel);
  const key = input.contactId ?? addressKey(input.channel, input.to);
  if (key === undefined) return {};
  const [row] = (await manager.query(
    `SELECT c.do_not_contact, c.consents, c.phone, c.email, i.external_user_id AS zalo_user_id,
            i.last_interaction_at AS zalo_last_interaction_at
       FROM contacts c
       LEFT JOIN contact_identities i ON i.contact_id = c.id AND i.kind = 'zalo' AND i.oa_id = $3
      WHERE c.workspace_id = $1 AND ${where} AND c.erased_at IS NULL AND c.merged_into IS NULL
      LIMIT 1`,
    [input.workspaceId, key, input.oaId ?? null],
  )) as ContactFactsRow[];
  if (!row) return {};
  const address =
    input.channel === 'email' ? row.email : input.channel === 'zalo_oa' ? row.zalo_user_id : row.phone;
  return {
    contact: {
      doNotContact: row.do_not_contact,
      consents: row.consents,
      address,
      zaloLastInteractionAt: row.zalo_last_interaction_at,
    },
  };
}

function addressCondition(channel: MessageChannel): string {
  if (channel === 'email') return 'lower(c.email) = lower($2)';
  if (channel === 'zalo_oa') return 'i.external_user_id = $2';
  return 'c.phone = $2';
}

function addressKey(channel: MessageChannel, to: string | undefined): string | undefined {
  if (to === undefined) return undefined;
  if (channel === 'sms' || channel === 'zns') {
    const phone = normalizeVietnamesePhone(to);
    return phone.ok ? phone.phone : to;
  }
  return to;
}
