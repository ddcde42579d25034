/** Identity kinds from strongest to weakest: the survivor of a merge is the contact the strongest key found. */
export const KEY_STRENGTH = ['externalId', 'phone', 'email', 'zalo'] as const;
export type IdentityKind = (typeof KEY_STRENGTH)[number];

/** What a live contact holds of each identity kind (zalo: user id per OA). */
export interface ContactIdentifiers {
  id: string;
  externalId: string | null;
  phone: string | null;
  email: string | null;
  zalo: ReadonlyMap<string, string>;
}

/** A match key and the live contact it found. */
export interface KeyMatch {
  kind: IdentityKind;
  contactId: string;
}

/** A contact that a match key found but that was not merged, because it holds another identity of `conflictingKind`. */
export interface MergeConflict {
  key: IdentityKind;
  contactId: string;
  conflictingKind: IdentityKind;
}

export interface MergePlan {
  survivorId: string;
  /** Losers in the order they are merged into the survivor. */
  losers: string[];
  conflicts: MergeConflict[];
}

/**
 * The merge rule (README "Merge rule"): the survivor is the contact found by the strongest key; each other contact
 * found, taken from the strongest key to the weakest, is merged into the survivor only if it holds no identity of
 * a kind the survivor (with what it has absorbed so far) also holds with a different value. A contact that would
 * conflict is left as it is and reported.
 */
export function planMerge(
  matches: readonly KeyMatch[],
  contacts: ReadonlyMap<string, ContactIdentifiers>,
): MergePlan {
  const ordered = [...matches].sort((a, b) => KEY_STRENGTH.indexOf(a.kind) - KEY_STRENGTH.indexOf(b.kind));
  if (ordered.length === 0) throw new Error('planMerge needs at least one match');
  const survivor = contactOf(contacts, ordered[0].contactId);
  const held = {
    externalId: survivor.externalId,
    phone: survivor.phone,
    email: survivor.email,
    zalo: new Map(survivor.zalo),
  };
  const losers: string[] = [];
  const conflicts: MergeConflict[] = [];
  for (const match of ordered) {
    if (match.contactId === survivor.id || losers.includes(match.contactId)) continue;
    if (conflicts.some((conflict) => conflict.contactId === match.contactId)) continue;
    const loser = contactOf(contacts, match.contactId);
    const conflictingKind = firstConflict(held, loser);
    if (conflictingKind) {
      conflicts.push({ key: match.kind, contactId: loser.id, conflictingKind });
      continue;
    }
    losers.push(loser.id);
    held.externalId ??= loser.externalId;
    held.phone ??= loser.phone;
    held.email ??= loser.email;
    for (const [oaId, userId] of loser.zalo) held.zalo.set(oaId, userId);
  }
  return { survivorId: survivor.id, losers, conflicts };
}

function firstConflict(held: Omit<ContactIdentifiers, 'id'>, loser: ContactIdentifiers): IdentityKind | null {
  for (const kind of ['externalId', 'phone', 'email'] as const) {
    const mine = held[kind];
    const theirs = loser[kind];
    if (mine !== null && theirs !== null && mine !== theirs) return kind;
  }
  for (const [oaId, userId] of loser.zalo) {
    const mine = held.zalo.get(oaId);
    if (mine !== undefined && mine !== userId) return 'zalo';
  }
  return null;
}

function contactOf(contacts: ReadonlyMap<string, ContactIdentifiers>, id: string): ContactIdentifiers {
  const contact = contacts.get(id);
  if (!contact) throw new Error(`planMerge: contact ${id} was matched but not given`);
  return contact;
}
