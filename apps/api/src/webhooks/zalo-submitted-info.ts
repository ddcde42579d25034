import type { DataSource, EntityManager } from 'typeorm';
import type { ContactIdentityKeys, ContactWrite } from '../contacts/contact-input';
import {
  holderOf,
  identitiesOf,
  identityLockValues,
  lockContacts,
  lockDefinitions,
  lockIdentityValues,
  zaloHolderOf,
} from '../contacts/contact-store';
import type { ContactRow, IdentityRow } from '../contacts/contact-view';
import type { ContactsService } from '../contacts/contacts.service';
import { type ContactIdentifiers, planMerge } from '../contacts/merge/plan-merge';
import { normalizePhone } from '../contacts/normalize-write';
import { ProblemException } from '../http/problem';

export const SUBMITTED_ADDRESS_KEYS = ['address', 'city', 'district', 'ward'] as const;

export interface SubmittedInfo {
  name?: string;
  phone?: string;
  address?: string;
  city?: string;
  district?: string;
  ward?: string;
}

export interface SubmittedInfoOutcome {
  contactId: string;
  /** What the form asked for that was not written, each with why (a field name first). */
  notWritten: string[];
}

/**
 * What a Zalo user typed into a request-user-info form is only a claim, so it fills a contact without taking one
 * over: it links the user to the contact holding that phone only when that contact has no Zalo user of this OA yet
 * (merging the follower's own contact into it by the merge rule when they do not conflict), never gives a phone
 * another contact holds, and writes name and address fields only where the contact has none. Runs under the
 * identity locks of the phone and the Zalo user, like any contact upsert.
 */
export async function applySubmittedInfo(
  deps: { db: DataSource; contacts: ContactsService },
  input: { workspaceId: string; oaId: string; userId: string; info: SubmittedInfo },
): Promise<SubmittedInfoOutcome> {
  return deps.db.transaction(async (manager) => {
    const plan = await planSubmittedInfo(manager, input);
    const upsert = (write: ContactWrite) =>
      deps.contacts.upsert({
        workspaceId: input.workspaceId,
        match: plan.match,
        write,
        mode: 'both',
        cause: 'contact',
        manager,
      });
    try {
      const result = await upsert(plan.write);
      if (!result.contact) throw new Error(`the contact upsert answered ${result.outcome}`);
      return { contactId: result.contact.id, notWritten: plan.notWritten };
    } catch (error) {
      // A name or an address the workspace's attribute definitions refuse: link the user without them.
      if (!(error instanceof ProblemException) || error.getStatus() !== 422) throw error;
      const { name, attributes, ...identity } = plan.write;
      const result = await upsert(identity);
      if (!result.contact) throw new Error(`the contact upsert answered ${result.outcome}`);
      const refused = [name !== undefined ? 'name' : [], Object.keys(attributes ?? {})].flat();
      return {
        contactId: result.contact.id,
        notWritten: [...plan.notWritten, ...refused.map((field) => `${field} (refused: ${error.message})`)],
      };
    }
  });
}

interface SubmittedInfoPlan {
  match: ContactIdentityKeys;
  write: ContactWrite;
  notWritten: string[];
}

async function planSubmittedInfo(
  manager: EntityManager,
  input: { workspaceId: string; oaId: string; userId: string; info: SubmittedInfo },
): Promise<SubmittedInfoPlan> {
  const { workspaceId, oaId, userId, info } = input;
  const zalo = { oaId, userId };
  const notWritten: string[] = [];
  let phone: string | undefined;
  if (info.phone) {
    const normalized = normalizePhone(info.phone);
    if (normalized.ok) phone = normalized.phone;
    else notWritten.push(`phone (${normalized.message})`);
  }
  // In the contact upsert's order (attribute definitions, then identity values), so that neither waits on the other.
  await lockDefinitions(manager, workspaceId, 'shared');
  await lockIdentityValues(manager, workspaceId, identityLockValues({ ...(phone && { phone }) }, [zalo]));
  const zaloHolder = await zaloHolderOf(manager, workspaceId, oaId, userId);
  const phoneHolder = phone ? await holderOf(manager, workspaceId, 'phone', phone) : null;
  const ids = [...new Set([zaloHolder, phoneHolder].filter((id): id is string => id !== null))];
  const rows = new Map((await lockContacts(manager, workspaceId, ids)).map((row) => [row.id, row]));
  const identities = await identitiesOf(manager, workspaceId, ids);

  const write: ContactWrite = {};
  let match: ContactIdentityKeys = { zalo };
  let filling: ContactRow[] = [];
  const own = zaloHolder ? rows.get(zaloHolder) : undefined;
  const holder = phoneHolder ? rows.get(phoneHolder) : undefined;
  if (own) {
    filling = [own];
    if (phone && !holder) {
      if (own.phone === null) write.phone = phone;
      else notWritten.push('phone (the contact has another phone)');
    } else if (phone && holder && holder.id !== own.id) {
      const merge = planMerge(
        [
          { kind: 'phone', contactId: holder.id },
          { kind: 'zalo', contactId: own.id },
        ],
        new Map([holder, own].map((row) => [row.id, identifiersOf(row, identities)])),
      );
      const [conflict] = merge.conflicts;
      if (conflict)
        notWritten.push(
          `phone (held by contact ${holder.id}, which differs in ${conflict.conflictingKind}; not merged)`,
        );
      else {
        match = { phone, zalo };
        filling = [holder, own];
      }
    }
  } else if (phone && holder) {
    const linked = identities.some(
      (identity) => identity.contact_id === holder.id && identity.oa_id === oaId,
    );
    if (linked)
      notWritten.push(
        `phone (held by contact ${holder.id}, which is linked to another Zalo user of this OA)`,
      );
    else {
      match = { phone };
      write.zalo = [zalo];
      filling = [holder];
    }
  } else if (phone) write.phone = phone;

  const has = (value: unknown) => value !== undefined && value !== null && value !== '';
  const current = (read: (row: ContactRow) => unknown) => filling.map(read).find(has);
  const fill = (
    field: string,
    value: string | undefined,
    existing: unknown,
    set: (value: string) => void,
  ) => {
    if (!value) return;
    if (!has(existing)) set(value);
    else if (existing !== value.normalize('NFC')) notWritten.push(`${field} (the contact has one)`);
  };
  fill(
    'name',
    info.name,
    current((row) => row.name),
    (name) => (write.name = name),
  );
  const attributes: Record<string, string> = {};
  for (const key of SUBMITTED_ADDRESS_KEYS)
    fill(
      key,
      info[key],
      current((row) => row.attributes[key]),
      (value) => (attributes[key] = value),
    );
  if (Object.keys(attributes).length > 0) write.attributes = attributes;
  return { match, write, notWritten };
}

function identifiersOf(row: ContactRow, identities: IdentityRow[]): ContactIdentifiers {
  return {
    id: row.id,
    externalId: row.external_id,
    phone: row.phone,
    email: row.email,
    zalo: new Map(
      identities
        .filter((identity) => identity.contact_id === row.id)
        .map((identity) => [identity.oa_id, identity.external_user_id]),
    ),
  };
}
