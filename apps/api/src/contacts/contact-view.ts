import type { ContactState, StoredConsents } from './contact-state';

/** A contacts row as `SELECT c.*` returns it. */
export interface ContactRow {
  id: string;
  workspace_id: string;
  external_id: string | null;
  phone: string | null;
  email: string | null;
  name: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  score: number;
  do_not_contact: boolean;
  consents: StoredConsents;
  created_at: Date;
  updated_at: Date;
  erased_at: Date | null;
  merged_into: string | null;
}

/** A contact_identities row. */
export interface IdentityRow {
  contact_id: string;
  kind: 'zalo';
  oa_id: string;
  external_user_id: string;
  follower: boolean;
  followed_at: Date | null;
  last_interaction_at: Date | null;
}

export interface ZaloIdentityView {
  kind: 'zalo';
  oaId: string;
  userId: string;
  follower: boolean;
  followedAt: string | null;
  lastInteractionAt: string | null;
}

/** A contact as the API shows it. */
export interface ContactView {
  id: string;
  externalId: string | null;
  phone: string | null;
  email: string | null;
  name: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  score: number;
  doNotContact: boolean;
  consents: StoredConsents;
  identities: ZaloIdentityView[];
  createdAt: string;
  updatedAt: string;
}

export function stateOf(row: ContactRow): ContactState {
  return {
    externalId: row.external_id,
    phone: row.phone,
    email: row.email,
    name: row.name,
    attributes: row.attributes,
    tags: row.tags,
    score: row.score,
    doNotContact: row.do_not_contact,
    consents: row.consents,
  };
}

export function toContactView(row: ContactRow, identities: IdentityRow[]): ContactView {
  return {
    id: row.id,
    externalId: row.external_id,
    phone: row.phone,
    email: row.email,
    name: row.name,
    attributes: row.attributes,
    tags: row.tags,
    score: row.score,
    doNotContact: row.do_not_contact,
    consents: row.consents,
    identities: identities
      .filter((identity) => identity.contact_id === row.id)
      .map((identity) => ({
        kind: identity.kind,
        oaId: identity.oa_id,
        userId: identity.external_user_id,
        follower: identity.follower,
        followedAt: identity.followed_at?.toISOString() ?? null,
        lastInteractionAt: identity.last_interaction_at?.toISOString() ?? null,
      })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
