import { randomUUID } from 'node:crypto';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { ContactState } from '../contact-state';
import {
  identitiesOf,
  insertContacts,
  lockContacts,
  lockIdentityValues,
  selectRows,
  updateContacts,
} from '../contact-store';
import { type ContactRow, toContactView } from '../contact-view';
import { type BatchRow, type Holders, planBatch, planUpdate, rowLockValues, stillHeldBy } from './plan-batch';
import type { UpsertMode, UpsertResult } from './upsert-result';

export interface BatchRound {
  /** Results of the rows written together, by their place in the batch. */
  written: Map<number, UpsertResult>;
  /** Rows for the one-row upsert, now, in order (no deferred row precedes one of them and shares anything with it). */
  single: BatchRow[];
  /** Rows for the next round, once the written and single rows are done. */
  deferred: BatchRow[];
}

/**
 * One round of a batch in a savepoint, under the identity locks of its rows: the rows that need no merge and share
 * nothing with an earlier row of the round are written together (one lookup, one row lock, one INSERT, one
 * UPDATE). If a statement fails (a concurrent writer won a race), the savepoint is rolled back and every row of the
 * round is left to the one-row upsert.
 */
export async function upsertBatchRound(
  manager: EntityManager,
  input: { workspaceId: string; rows: BatchRow[]; mode: UpsertMode },
): Promise<BatchRound> {
  try {
    return await manager.transaction((savepoint) => writeRound(savepoint, input));
  } catch (error) {
    if (error instanceof QueryFailedError) return { written: new Map(), single: input.rows, deferred: [] };
    throw error;
  }
}

type Pending = Omit<UpsertResult, 'contact'>;

async function writeRound(
  manager: EntityManager,
  input: { workspaceId: string; rows: BatchRow[]; mode: UpsertMode },
): Promise<BatchRound> {
  const { workspaceId, rows, mode } = input;
  await lockIdentityValues(
    manager,
    workspaceId,
    rows.flatMap((row) => rowLockValues(row.upsert)),
  );
  const holders = await findHolders(manager, workspaceId, rows);
  const plans = planBatch(rows, holders, mode);
  const matched = plans.flatMap((plan) =>
    plan.kind === 'skip' || plan.kind === 'update' ? plan.matches : [],
  );
  const locked = new Map(
    (await lockContacts(manager, workspaceId, [...new Set(matched.map((found) => found.contactId))])).map(
      (row) => [row.id, row],
    ),
  );

  const written = new Map<number, UpsertResult>();
  const single: BatchRow[] = [];
  const deferred: BatchRow[] = [];
  const creates: { row: BatchRow; id: string; state: ContactState }[] = [];
  const updates: { row: BatchRow; id: string; state: ContactState; result: Pending }[] = [];
  const unchanged: { row: BatchRow; contact: ContactRow; result: Pending }[] = [];
  for (const [position, plan] of plans.entries()) {
    const row = rows[position];
    const { match } = row.upsert;
    if (plan.kind === 'defer') deferred.push(row);
    else if (plan.kind === 'single') single.push(row);
    else if (plan.kind === 'create') creates.push({ row, id: randomUUID(), state: plan.state });
    // The contacts found changed before their row lock was granted (an erase or a merge): the one-row upsert looks again.
    else if (!stillHeldBy(plan.matches, locked, match)) single.push(row);
    else if (plan.kind === 'skip') written.set(row.index, plan.result);
    else {
      const contact = locked.get(plan.contactId) as ContactRow;
      const update = planUpdate(contact, row.upsert, plan.matches, holders);
      if (!update) {
        single.push(row);
        continue;
      }
      const result: Pending = {
        outcome: update.changed ? 'updated' : 'unchanged',
        ...(update.conflicts.length > 0 ? { conflicts: update.conflicts } : {}),
      };
      if (update.changed) updates.push({ row, id: contact.id, state: update.state, result });
      else unchanged.push({ row, contact, result });
    }
  }

  const inserted = new Map((await insertContacts(manager, workspaceId, creates)).map((row) => [row.id, row]));
  for (const create of creates) {
    const contact = inserted.get(create.id);
    // Not inserted: it lost a race on a unique identifier to a writer outside the identity locks.
    if (contact) written.set(create.row.index, { outcome: 'created', contact: toContactView(contact, []) });
    else single.push(create.row);
  }
  const updated = new Map((await updateContacts(manager, workspaceId, updates)).map((row) => [row.id, row]));
  const identities = await identitiesOf(manager, workspaceId, [
    ...updates.map((update) => update.id),
    ...unchanged.map((entry) => entry.contact.id),
  ]);
  for (const update of updates) {
    const contact = toContactView(updated.get(update.id) as ContactRow, identities);
    written.set(update.row.index, { ...update.result, contact } as UpsertResult);
  }
  for (const entry of unchanged)
    written.set(entry.row.index, {
      ...entry.result,
      contact: toContactView(entry.contact, identities),
    } as UpsertResult);
  return { written, single: single.sort((a, b) => a.index - b.index), deferred };
}

/** One query for the contacts holding any identity value of the batch (any state: the plan checks liveness). */
async function findHolders(manager: EntityManager, workspaceId: string, rows: BatchRow[]): Promise<Holders> {
  const values = { externalId: new Set<string>(), phone: new Set<string>(), email: new Set<string>() };
  const zalo: { oaId: string; userId: string }[] = [];
  for (const { upsert } of rows) {
    const { match, write } = upsert;
    for (const kind of ['externalId', 'phone', 'email'] as const) {
      if (match[kind] !== undefined) values[kind].add(match[kind]);
      const written = write[kind];
      if (written !== undefined && written !== null) values[kind].add(written);
    }
    if (match.zalo) zalo.push(match.zalo);
    zalo.push(...upsert.zalo);
  }
  const holders = new Map<string, ContactRow | string>();
  const contacts = await selectRows<ContactRow>(
    manager,
    `SELECT c.* FROM contacts c
      WHERE c.workspace_id = $1
        AND (c.external_id = ANY($2::text[]) OR c.phone = ANY($3::text[]) OR lower(c.email) = ANY($4::text[]))`,
    [workspaceId, [...values.externalId], [...values.phone], [...values.email]],
  );
  for (const contact of contacts) {
    if (contact.external_id !== null && values.externalId.has(contact.external_id))
      holders.set(`externalId:${contact.external_id}`, contact);
    if (contact.phone !== null && values.phone.has(contact.phone))
      holders.set(`phone:${contact.phone}`, contact);
    const email = contact.email?.toLowerCase();
    if (email !== undefined && values.email.has(email)) holders.set(`email:${email}`, contact);
  }
  if (zalo.length > 0) {
    const identities = await selectRows<{ contact_id: string; oa_id: string; external_user_id: string }>(
      manager,
      `SELECT i.contact_id, i.oa_id, i.external_user_id FROM contact_identities i
        JOIN unnest($2::text[], $3::text[]) AS k(oa_id, user_id) ON i.oa_id = k.oa_id AND i.external_user_id = k.user_id
       WHERE i.workspace_id = $1 AND i.kind = 'zalo'`,
      [workspaceId, zalo.map((identity) => identity.oaId), zalo.map((identity) => identity.userId)],
    );
    for (const identity of identities)
      holders.set(`zalo:${identity.oa_id}:${identity.external_user_id}`, identity.contact_id);
  }
  return holders;
}
