import { isDeepStrictEqual } from 'node:util';
import type { ConsentChannel, ConsentState } from './contact-input';

export interface StoredConsent {
  state: ConsentState;
  source: string;
  /** ISO UTC time the consent was given, refused or reset. */
  at: string;
}

export type StoredConsents = Partial<Record<ConsentChannel, StoredConsent>>;

/** The columns of a contact that writes and merges change (identities live in contact_identities). */
export interface ContactState {
  externalId: string | null;
  phone: string | null;
  email: string | null;
  name: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  score: number;
  doNotContact: boolean;
  consents: StoredConsents;
}

/** A write whose identifiers are normalised and whose attribute values are coerced (see normalize-write.ts). */
export interface NormalizedWrite {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  externalId?: string | null;
  attributes?: Record<string, unknown>;
  tags?: { add: string[]; remove: string[] };
  doNotContact?: boolean;
  consents?: StoredConsents;
}

export const EMPTY_CONTACT_STATE: ContactState = {
  externalId: null,
  phone: null,
  email: null,
  name: null,
  attributes: {},
  tags: [],
  score: 0,
  doNotContact: false,
  consents: {},
};

/** The state after a write: fields it names are replaced, attributes merged key by key (null removes a key). */
export function applyWrite(state: ContactState, write: NormalizedWrite): ContactState {
  const attributes = { ...state.attributes };
  for (const [key, value] of Object.entries(write.attributes ?? {})) {
    if (value === null) delete attributes[key];
    else attributes[key] = value;
  }
  const removed = new Set(write.tags?.remove ?? []);
  const tags = unique([...state.tags, ...(write.tags?.add ?? [])]).filter((tag) => !removed.has(tag));
  return {
    externalId: write.externalId !== undefined ? write.externalId : state.externalId,
    phone: write.phone !== undefined ? write.phone : state.phone,
    email: write.email !== undefined ? write.email : state.email,
    name: write.name !== undefined ? write.name : state.name,
    attributes,
    tags,
    score: state.score,
    doNotContact: write.doNotContact ?? state.doNotContact,
    consents: withConsents(state.consents, write.consents ?? {}),
  };
}

/** A consent that repeats the current state and source keeps its time, so re-sent consents change nothing. */
function withConsents(current: StoredConsents, written: StoredConsents): StoredConsents {
  const next = { ...current };
  for (const [channel, consent] of Object.entries(written) as [ConsentChannel, StoredConsent][]) {
    const old = current[channel];
    if (!old || old.state !== consent.state || old.source !== consent.source) next[channel] = consent;
  }
  return next;
}

/**
 * The survivor's state after absorbing a loser (README "Merge rule"): identifiers and name the survivor lacks come
 * from the loser, attributes the survivor lacks are filled (the survivor wins conflicts), tags are united, each
 * channel's consent is the later of the two, do-not-contact is either's, scores add up.
 */
export function mergeStates(survivor: ContactState, loser: ContactState): ContactState {
  const consents: StoredConsents = { ...loser.consents };
  for (const [channel, consent] of Object.entries(survivor.consents) as [ConsentChannel, StoredConsent][]) {
    const other = consents[channel];
    if (!other || Date.parse(consent.at) >= Date.parse(other.at)) consents[channel] = consent;
  }
  return {
    externalId: survivor.externalId ?? loser.externalId,
    phone: survivor.phone ?? loser.phone,
    email: survivor.email ?? loser.email,
    name: survivor.name ?? loser.name,
    attributes: { ...loser.attributes, ...survivor.attributes },
    tags: unique([...survivor.tags, ...loser.tags]),
    score: survivor.score + loser.score,
    doNotContact: survivor.doNotContact || loser.doNotContact,
    consents,
  };
}

export function sameState(a: ContactState, b: ContactState): boolean {
  return isDeepStrictEqual(a, b);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
