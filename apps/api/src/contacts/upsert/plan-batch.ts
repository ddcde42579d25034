import { applyWrite, type ContactState, EMPTY_CONTACT_STATE, sameState } from '../contact-state';
import { identityLockValues } from '../contact-store';
import { type ContactRow, stateOf } from '../contact-view';
import type { KeyMatch, MergeConflict } from '../merge/plan-merge';
import type { NormalizedKeys, NormalizedUpsert } from '../normalize-write';
import type { UpsertMode, UpsertResult } from './upsert-result';

export const SCALAR_KINDS = ['externalId', 'phone', 'email'] as const;
type ScalarKind = (typeof SCALAR_KINDS)[number];

export interface BatchRow {
  /** The row's place in the caller's batch. */
  index: number;
  upsert: NormalizedUpsert;
}

/** What the batch's one lookup found: the contact holding each identity value (`phone:84…`, `zalo:oa:user`). */
export type Holders = ReadonlyMap<string, ContactRow | string>;

/**
 * How a row of a batch is written. `defer` rows share an identity value or a contact with an earlier row still to
 * be written, so they wait for a later round; `single` rows go through the one-row upsert (merges, Zalo identities,
 * taken identifiers); the others are written together and give the result the one-row upsert would have given.
 */
export type RowPlan =
  | { kind: 'defer' }
  | { kind: 'single' }
  | { kind: 'skip'; result: UpsertResult; matches: KeyMatch[] }
  | { kind: 'create'; state: ContactState }
  | { kind: 'update'; contactId: string; matches: KeyMatch[] };

/** The identity values a row locks: its match keys, its Zalo identities and the identifiers its write sets. */
export function rowLockValues(upsert: NormalizedUpsert): string[] {
  const { match, write, zalo } = upsert;
  return [
    ...identityLockValues(match, zalo),
    ...identityLockValues({
      externalId: write.externalId ?? undefined,
      phone: write.phone ?? undefined,
      email: write.email ?? undefined,
    }),
  ];
}

/**
 * Plans one round of a batch from the contacts holding the rows' identity values now. A row whose identity values
 * or holders an earlier row of the round also names could see that row's write, so it is deferred to the next
 * round; every other row is independent of the rest of the round, in whatever order they are written.
 */
export function planBatch(rows: readonly BatchRow[], holders: Holders, mode: UpsertMode): RowPlan[] {
  const claimed = new Set<string>();
  return rows.map(({ upsert }) => {
    const values = rowLockValues(upsert);
    const footprint = [...values];
    for (const value of values) {
      const holder = holders.get(value);
      if (holder !== undefined) footprint.push(`contact:${idOf(holder)}`);
    }
    const shared = footprint.some((key) => claimed.has(key));
    for (const key of footprint) claimed.add(key);
    if (shared) return { kind: 'defer' };
    return planRow(upsert, holders, mode);
  });
}

function planRow(upsert: NormalizedUpsert, holders: Holders, mode: UpsertMode): RowPlan {
  const { match, write, zalo } = upsert;
  if (match.zalo || zalo.length > 0) return { kind: 'single' };
  const matches: KeyMatch[] = [];
  for (const kind of SCALAR_KINDS) {
    const value = match[kind];
    const holder = value === undefined ? undefined : holders.get(`${kind}:${value}`);
    if (holder === undefined) continue;
    if (typeof holder === 'string' || !holdsLive(holder, kind, value as string)) return { kind: 'single' };
    matches.push({ kind, contactId: holder.id });
  }
  if (matches.length === 0) {
    if (mode === 'update')
      return { kind: 'skip', result: { outcome: 'skipped', skippedReason: 'not_found' }, matches };
    const keyed: ContactState = {
      ...EMPTY_CONTACT_STATE,
      externalId: match.externalId ?? null,
      phone: match.phone ?? null,
      email: match.email ?? null,
    };
    const state = applyWrite(keyed, write);
    return identifiersFree(state, holders, null, match) ? { kind: 'create', state } : { kind: 'single' };
  }
  if (mode === 'create')
    return {
      kind: 'skip',
      result: { outcome: 'skipped', skippedReason: 'exists', existing: matches },
      matches,
    };
  const contactIds = new Set(matches.map((found) => found.contactId));
  if (contactIds.size > 1) return { kind: 'single' };
  return { kind: 'update', contactId: matches[0].contactId, matches };
}

/** The update of one matched contact (no merge, no Zalo identity), or null when it must go through the one-row upsert. */
export function planUpdate(
  contact: ContactRow,
  upsert: NormalizedUpsert,
  matches: readonly KeyMatch[],
  holders: Holders,
): { state: ContactState; changed: boolean; conflicts: MergeConflict[] } | null {
  const before = stateOf(contact);
  let state = before;
  const conflicts: MergeConflict[] = [];
  const matchedKinds = new Set(matches.map((found) => found.kind));
  for (const kind of SCALAR_KINDS) {
    const value = upsert.match[kind];
    if (value === undefined || matchedKinds.has(kind)) continue;
    if (state[kind] === null) state = { ...state, [kind]: value };
    else if (state[kind] !== value)
      conflicts.push({ key: kind, contactId: contact.id, conflictingKind: kind });
  }
  state = applyWrite(state, upsert.write);
  if (!identifiersFree(state, holders, contact, upsert.match)) return null;
  return { state, changed: !sameState(before, state), conflicts };
}

/** The matched contacts, row-locked, are still live and still hold the values that found them. */
export function stillHeldBy(
  matches: readonly KeyMatch[],
  locked: ReadonlyMap<string, ContactRow>,
  keys: NormalizedKeys,
) {
  return matches.every((found) => {
    const row = locked.get(found.contactId);
    return (
      row !== undefined && found.kind !== 'zalo' && holdsLive(row, found.kind, keys[found.kind] as string)
    );
  });
}

/**
 * No other contact holds an identifier of `state` (values equal to a match key found nobody else under their
 * locks; the owner's own values are its own).
 */
function identifiersFree(
  state: ContactState,
  holders: Holders,
  owner: ContactRow | null,
  match: NormalizedKeys,
) {
  return SCALAR_KINDS.every((kind) => {
    const value = state[kind];
    if (value === null || value === match[kind]) return true;
    if (owner !== null && owner[COLUMN_OF[kind]] === value) return true;
    const holder = holders.get(`${kind}:${value}`);
    return holder === undefined || (owner !== null && idOf(holder) === owner.id);
  });
}

const COLUMN_OF = { externalId: 'external_id', phone: 'phone', email: 'email' } as const;

function holdsLive(row: ContactRow, kind: ScalarKind, value: string): boolean {
  return row.erased_at === null && row.merged_into === null && row[COLUMN_OF[kind]] === value;
}

function idOf(holder: ContactRow | string): string {
  return typeof holder === 'string' ? holder : holder.id;
}
