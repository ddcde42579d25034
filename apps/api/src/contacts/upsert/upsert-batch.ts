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

/**
 * Writes the rows of a batch that need no merge together (one lookup, one row lock, one INSERT, one UPDATE) in a
 * savepoint, under the identity locks of the whole batch, and answers their results by place. The rows it leaves
 * out go through the one-row upsert afterwards; if a statement fails (a concurrent writer won a race), the savepoint
 * is rolled back and every row is left out.
 */
export async function upsertBatch(
  manager: EntityManager,
  input: { workspaceId: string; rows: BatchRow[]; mode: UpsertMode },
): Promise<Map<number, UpsertResult>> {
  if (input.rows.length === 0) return new Map();
  try {
    return await manager.transaction((savepoint) => writeBatch(savepoint, input));
  } catch (error) {
    if (error instanceof QueryFailedError) return new Map();
    throw error;
  }
}

async function writeBatch(
  manager: EntityManager,
  input: { workspaceId: string; rows: BatchRow[]; mode: UpsertMode },
): Promise<Map<number, UpsertResult>> {
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

  const results = new Map<number, UpsertResult>();
  const creates: { index: number; id: string; state: ContactState }[] = [];
  const updates: { index: number; id: string; state: ContactState; result: Omit<UpsertResult, 'contact'> }[] =
    [];
  const unchanged: { index: number; row: ContactRow; result: Omit<UpsertResult, 'contact'> }[] = [];
  for (const [position, plan] of plans.entries()) {
    const { index, upsert } = rows[position];
    if (plan.kind === 'create') creates.push({ index, id: randomUUID(), state: plan.state });
    if (plan.kind === 'skip' && stillHeldBy(plan.matches, locked, upsert.match))
      results.set(index, plan.result);
    if (plan.kind !== 'update' || !stillHeldBy(plan.matches, locked, upsert.match)) continue;
    const contact = locked.get(plan.contactId) as ContactRow;
    const update = planUpdate(contact, upsert, plan.matches, holders);
    if (!update) continue;
    const reported = update.conflicts.length > 0 ? { conflicts: update.conflicts } : {};
    const outcome = update.changed ? 'updated' : 'unchanged';
    if (update.changed)
      updates.push({ index, id: contact.id, state: update.state, result: { outcome, ...reported } });
    else unchanged.push({ index, row: contact, result: { outcome, ...reported } });
  }

  const inserted = new Map((await insertContacts(manager, workspaceId, creates)).map((row) => [row.id, row]));
  for (const create of creates) {
    const row = inserted.get(create.id);
    // A row missing lost a race on a unique identifier to a writer outside the identity locks.
    if (row) results.set(create.index, { outcome: 'created', contact: toContactView(row, []) });
  }
  const written = new Map((await updateContacts(manager, workspaceId, updates)).map((row) => [row.id, row]));
  const identities = await identitiesOf(manager, workspaceId, [
    ...updates.map((update) => update.id),
    ...unchanged.map((entry) => entry.row.id),
  ]);
  for (const update of updates) {
    const row = written.get(update.id) as ContactRow;
    results.set(update.index, { ...update.result, contact: toContactView(row, identities) } as UpsertResult);
  }
  for (const entry of unchanged)
    results.set(entry.index, {
      ...entry.result,
      contact: toContactView(entry.row, identities),
    } as UpsertResult);
  return results;
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
