import type { EntityManager } from 'typeorm';
import { problems } from '../../http/problem';
import { applyWrite, type ContactState, EMPTY_CONTACT_STATE, mergeStates, sameState } from '../contact-state';
import {
  findByKeys,
  holderOf,
  identitiesOf,
  identityLockValues,
  insertContact,
  lockContacts,
  lockIdentityValues,
  updateContact,
  upsertZaloIdentity,
  zaloHolderOf,
} from '../contact-store';
import { type ContactRow, type IdentityRow, stateOf, toContactView } from '../contact-view';
import { retireIntoSurvivor } from '../merge/merge-contact';
import { type ContactIdentifiers, type KeyMatch, type MergeConflict, planMerge } from '../merge/plan-merge';
import type { NormalizedKeys, NormalizedUpsert, NormalizedZaloIdentity } from '../normalize-write';
import type { UpsertMode, UpsertResult } from './upsert-result';

const SCALAR_KINDS = ['externalId', 'phone', 'email'] as const;

/**
 * One upsert inside the caller's transaction: locks the identity values, finds and row-locks the contacts the
 * match keys name, merges them by the merge rule, attaches match keys the survivor lacks and applies the write.
 */
export async function upsertContact(
  manager: EntityManager,
  input: { workspaceId: string; upsert: NormalizedUpsert; mode: UpsertMode },
): Promise<UpsertResult> {
  const { workspaceId, upsert, mode } = input;
  const { match, write, zalo } = upsert;
  const writeIdentifiers = {
    externalId: write.externalId ?? undefined,
    phone: write.phone ?? undefined,
    email: write.email ?? undefined,
  };
  await lockIdentityValues(manager, workspaceId, [
    ...identityLockValues(match, zalo),
    ...identityLockValues(writeIdentifiers),
  ]);
  const { matches, rows } = await findAndLock(manager, workspaceId, match);
  if (matches.length === 0) {
    if (mode === 'update') return { outcome: 'skipped', skippedReason: 'not_found' };
    return create(manager, { workspaceId, upsert });
  }
  if (mode === 'create') return { outcome: 'skipped', skippedReason: 'exists', existing: matches };
  return update(manager, { workspaceId, upsert, matches, rows });
}

async function create(
  manager: EntityManager,
  input: { workspaceId: string; upsert: NormalizedUpsert },
): Promise<UpsertResult> {
  const { workspaceId, upsert } = input;
  const keyed: ContactState = {
    ...EMPTY_CONTACT_STATE,
    externalId: upsert.match.externalId ?? null,
    phone: upsert.match.phone ?? null,
    email: upsert.match.email ?? null,
  };
  const state = applyWrite(keyed, upsert.write);
  // The match keys found nobody (under their locks); only identifiers the write adds can be taken.
  await assertIdentifiersFree(manager, workspaceId, state, null, upsert.match);
  await assertZaloFree(manager, workspaceId, upsert.zalo, null);
  const row = await insertContact(manager, workspaceId, state);
  const identities = zaloToWrite(upsert.match, upsert.zalo);
  for (const identity of identities) await upsertZaloIdentity(manager, workspaceId, row.id, identity);
  const contact = identities.length > 0 ? await viewOf(manager, workspaceId, row) : toContactView(row, []);
  return { outcome: 'created', contact };
}

async function update(
  manager: EntityManager,
  input: { workspaceId: string; upsert: NormalizedUpsert; matches: KeyMatch[]; rows: ContactRow[] },
): Promise<UpsertResult> {
  const { workspaceId, upsert, matches, rows } = input;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const identities = await identitiesOf(manager, workspaceId, [...byId.keys()]);
  const plan = planMerge(matches, identifiersOf(rows, identities));
  const survivor = byId.get(plan.survivorId) as ContactRow;
  const before = stateOf(survivor);
  let state = before;
  const zaloHeld = zaloByOa(identities, [survivor.id, ...plan.losers]);
  for (const loserId of plan.losers) {
    state = mergeStates(state, stateOf(byId.get(loserId) as ContactRow));
    await retireIntoSurvivor(manager, { workspaceId, survivorId: survivor.id, loserId });
  }

  const conflicts: MergeConflict[] = [...plan.conflicts];
  const matchedKinds = new Set(matches.map((found) => found.kind));
  for (const kind of SCALAR_KINDS) {
    const value = upsert.match[kind];
    if (value === undefined || matchedKinds.has(kind)) continue;
    if (state[kind] === null) state = { ...state, [kind]: value };
    else if (state[kind] !== value)
      conflicts.push({ key: kind, contactId: survivor.id, conflictingKind: kind });
  }
  const zaloWrites = [...upsert.zalo];
  const zaloKey = upsert.match.zalo;
  if (zaloKey) {
    const heldUser = zaloHeld.get(zaloKey.oaId);
    const foundContact = matches.find((found) => found.kind === 'zalo')?.contactId;
    const onSurvivor =
      foundContact === survivor.id || (foundContact !== undefined && plan.losers.includes(foundContact));
    if (onSurvivor || (!foundContact && (heldUser === undefined || heldUser === zaloKey.userId)))
      zaloWrites.push(zaloKey);
    else if (!foundContact) conflicts.push({ key: 'zalo', contactId: survivor.id, conflictingKind: 'zalo' });
  }

  state = applyWrite(state, upsert.write);
  // Match values that found nobody, the survivor or a merged loser are free for the survivor (under their locks).
  const absorbed = new Set([survivor.id, ...plan.losers]);
  const knownFree = Object.fromEntries(
    SCALAR_KINDS.filter((kind) =>
      matches.every((found) => found.kind !== kind || absorbed.has(found.contactId)),
    ).map((kind) => [kind, upsert.match[kind]]),
  );
  await assertIdentifiersFree(manager, workspaceId, state, survivor.id, knownFree);
  await assertZaloFree(manager, workspaceId, upsert.zalo, survivor.id);
  const changed = plan.losers.length > 0 || !sameState(before, state);
  const row = changed ? await updateContact(manager, workspaceId, survivor.id, state) : survivor;
  let identitiesChanged = false;
  for (const identity of zaloWrites)
    identitiesChanged =
      (await upsertZaloIdentity(manager, workspaceId, survivor.id, identity)) || identitiesChanged;

  const contact = await viewOf(manager, workspaceId, row);
  const reported = conflicts.length > 0 ? { conflicts } : {};
  if (plan.losers.length > 0)
    return { outcome: 'merged', contact, mergedContactIds: plan.losers, ...reported };
  return { outcome: changed || identitiesChanged ? 'updated' : 'unchanged', contact, ...reported };
}

/**
 * Finds the contacts the keys name and row-locks them. The keys' values are advisory-locked, so nobody can give
 * them to another contact meanwhile; but an erase or a merge may have taken them from the contact found before its
 * row lock was granted. Then it looks again, until the locked rows still hold what found them.
 */
async function findAndLock(
  manager: EntityManager,
  workspaceId: string,
  keys: NormalizedKeys,
): Promise<{ matches: KeyMatch[]; rows: ContactRow[] }> {
  let matches = await findByKeys(manager, workspaceId, keys);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const ids = [...new Set(matches.map((found) => found.contactId))];
    if (ids.length === 0) return { matches, rows: [] };
    const rows = await lockContacts(manager, workspaceId, ids);
    if (stillHeld(matches, rows, keys)) return { matches, rows };
    matches = await findByKeys(manager, workspaceId, keys);
  }
  throw problems.conflict('The contact changed while it was being updated; try again');
}

const COLUMN_OF = { externalId: 'external_id', phone: 'phone', email: 'email' } as const;

/** Every matched row is live and still holds the value that found it (a Zalo identity leaves only by merge or erase). */
function stillHeld(matches: KeyMatch[], rows: ContactRow[], keys: NormalizedKeys): boolean {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return matches.every((found) => {
    const row = byId.get(found.contactId);
    if (!row || row.erased_at !== null || row.merged_into !== null) return false;
    return found.kind === 'zalo' || row[COLUMN_OF[found.kind]] === keys[found.kind];
  });
}

/** A write may not take an identifier that another contact holds (identifiers are unique per workspace). */
export async function assertIdentifiersFree(
  manager: EntityManager,
  workspaceId: string,
  state: ContactState,
  ownerId: string | null,
  knownFree: NormalizedKeys = {},
): Promise<void> {
  for (const kind of SCALAR_KINDS) {
    const value = state[kind];
    if (value === null || value === knownFree[kind]) continue;
    const holder = await holderOf(manager, workspaceId, kind, value);
    if (holder !== null && holder !== ownerId) throw identityTaken(kind, holder);
  }
}

export async function assertZaloFree(
  manager: EntityManager,
  workspaceId: string,
  identities: NormalizedZaloIdentity[],
  ownerId: string | null,
): Promise<void> {
  for (const [index, identity] of identities.entries()) {
    const holder = await zaloHolderOf(manager, workspaceId, identity.oaId, identity.userId);
    if (holder !== null && holder !== ownerId) throw identityTaken(`zalo.${index}`, holder);
  }
}

function identityTaken(field: string, contactId: string) {
  return problems.conflict(`${field} already belongs to another contact`, {
    errors: [{ in: 'body', field, message: 'already belongs to another contact' }],
    contactId,
  });
}

function zaloToWrite(match: NormalizedKeys, zalo: NormalizedZaloIdentity[]): NormalizedZaloIdentity[] {
  return match.zalo ? [...zalo, match.zalo] : zalo;
}

function identifiersOf(rows: ContactRow[], identities: IdentityRow[]): Map<string, ContactIdentifiers> {
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        externalId: row.external_id,
        phone: row.phone,
        email: row.email,
        zalo: zaloByOa(identities, [row.id]),
      },
    ]),
  );
}

function zaloByOa(identities: IdentityRow[], contactIds: string[]): Map<string, string> {
  return new Map(
    identities
      .filter((identity) => contactIds.includes(identity.contact_id))
      .map((identity) => [identity.oa_id, identity.external_user_id]),
  );
}

export async function viewOf(manager: EntityManager, workspaceId: string, row: ContactRow) {
  return toContactView(row, await identitiesOf(manager, workspaceId, [row.id]));
}
