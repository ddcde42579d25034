import type { EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows';
import type { AttributeDefinition, AttributeDefinitions } from './attributes/attribute-definition';
import type { ContactState } from './contact-state';
import type { ContactRow, IdentityRow } from './contact-view';
import { type IdentityKind, KEY_STRENGTH, type KeyMatch } from './merge/plan-merge';
import type { NormalizedKeys, NormalizedZaloIdentity } from './normalize-write';

/** Raw SQL on contacts and contact_identities, always scoped to one workspace. */

export async function selectRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return returnedRows<T>(await manager.query(sql, params));
}

/** A live contact is neither erased nor merged into another. */
export const LIVE = 'c.erased_at IS NULL AND c.merged_into IS NULL';

export async function loadDefinitions(
  manager: EntityManager,
  workspaceId: string,
): Promise<AttributeDefinitions> {
  const rows = await selectRows<{
    key: string;
    label: string;
    type: AttributeDefinition['type'];
    enum_values: string[] | null;
  }>(manager, 'SELECT key, label, type, enum_values FROM attribute_definitions WHERE workspace_id = $1', [
    workspaceId,
  ]);
  return new Map(
    rows.map((row) => [
      row.key,
      { key: row.key, label: row.label, type: row.type, enumValues: row.enum_values },
    ]),
  );
}

/**
 * Definition changes take this lock exclusively and writes that coerce attribute values take it shared, so a value
 * is never written by a definition that is being replaced.
 */
export async function lockDefinitions(
  manager: EntityManager,
  workspaceId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${fn}(hashtextextended($1, 0))`, [`attribute-definitions:${workspaceId}`]);
}

export async function workspaceTimezone(manager: EntityManager, workspaceId: string): Promise<string | null> {
  const rows = await selectRows<{ timezone: string }>(
    manager,
    'SELECT timezone FROM workspaces WHERE id = $1',
    [workspaceId],
  );
  return rows[0]?.timezone ?? null;
}

/**
 * Serialises every transaction that touches one of these identity values (until it ends), so two concurrent
 * upserts of the same phone cannot both decide to create. Sorted to take them in one global order.
 */
export async function lockIdentityValues(
  manager: EntityManager,
  workspaceId: string,
  values: string[],
): Promise<void> {
  const keys = [...new Set(values)].sort().map((value) => `contact:${workspaceId}:${value}`);
  if (keys.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
       FROM unnest($1::text[]) WITH ORDINALITY AS k(key, position) ORDER BY k.position`,
    [keys],
  );
}

export function identityLockValues(keys: NormalizedKeys, zalo: NormalizedZaloIdentity[] = []): string[] {
  const values: string[] = [];
  if (keys.externalId) values.push(`externalId:${keys.externalId}`);
  if (keys.phone) values.push(`phone:${keys.phone}`);
  if (keys.email) values.push(`email:${keys.email}`);
  for (const identity of [...(keys.zalo ? [keys.zalo] : []), ...zalo])
    values.push(`zalo:${identity.oaId}:${identity.userId}`);
  return values;
}

/** The live contacts the keys find, one match per key that found one. */
export async function findByKeys(
  manager: EntityManager,
  workspaceId: string,
  keys: NormalizedKeys,
): Promise<KeyMatch[]> {
  const params: unknown[] = [workspaceId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  for (const kind of ['externalId', 'phone', 'email'] as const) {
    const value = keys[kind];
    if (value !== undefined)
      parts.push(
        `SELECT '${kind}' AS kind, c.id AS contact_id FROM contacts c
          WHERE c.workspace_id = $1 AND ${COLUMN[kind]} = ${param(kind === 'email' ? value.toLowerCase() : value)}`,
      );
  }
  if (keys.zalo)
    parts.push(
      `SELECT 'zalo' AS kind, i.contact_id FROM contact_identities i
        WHERE i.workspace_id = $1 AND i.kind = 'zalo' AND i.oa_id = ${param(keys.zalo.oaId)}
          AND i.external_user_id = ${param(keys.zalo.userId)}`,
    );
  if (parts.length === 0) return [];
  const rows = await selectRows<{ kind: IdentityKind; contact_id: string }>(
    manager,
    parts.join(' UNION ALL '),
    params,
  );
  const strength = (kind: IdentityKind) => KEY_STRENGTH.indexOf(kind);
  return rows
    .map((row) => ({ kind: row.kind, contactId: row.contact_id }))
    .sort((a, b) => strength(a.kind) - strength(b.kind));
}

const COLUMN: Record<Exclude<IdentityKind, 'zalo'>, string> = {
  externalId: 'c.external_id',
  phone: 'c.phone',
  email: 'lower(c.email)',
};

/** The contact that holds this identifier, if any. */
export async function holderOf(
  manager: EntityManager,
  workspaceId: string,
  kind: Exclude<IdentityKind, 'zalo'>,
  value: string,
): Promise<string | null> {
  const rows = await selectRows<{ id: string }>(
    manager,
    `SELECT c.id FROM contacts c WHERE c.workspace_id = $1 AND ${COLUMN[kind]} = $2`,
    [workspaceId, kind === 'email' ? value.toLowerCase() : value],
  );
  return rows[0]?.id ?? null;
}

export async function zaloHolderOf(
  manager: EntityManager,
  workspaceId: string,
  oaId: string,
  userId: string,
): Promise<string | null> {
  const rows = await selectRows<{ contact_id: string }>(
    manager,
    `SELECT contact_id FROM contact_identities
      WHERE workspace_id = $1 AND kind = 'zalo' AND oa_id = $2 AND external_user_id = $3`,
    [workspaceId, oaId, userId],
  );
  return rows[0]?.contact_id ?? null;
}

/** Row-locks the contacts (in id order, so concurrent lockers never deadlock on them). */
export async function lockContacts(
  manager: EntityManager,
  workspaceId: string,
  ids: string[],
): Promise<ContactRow[]> {
  return selectRows<ContactRow>(
    manager,
    'SELECT c.* FROM contacts c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[]) ORDER BY c.id FOR UPDATE',
    [workspaceId, ids],
  );
}

export async function identitiesOf(
  manager: EntityManager,
  workspaceId: string,
  ids: string[],
): Promise<IdentityRow[]> {
  if (ids.length === 0) return [];
  return selectRows<IdentityRow>(
    manager,
    `SELECT contact_id, kind, oa_id, external_user_id, follower, followed_at, last_interaction_at
       FROM contact_identities WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[])
      ORDER BY oa_id, external_user_id`,
    [workspaceId, ids],
  );
}

export async function insertContact(
  manager: EntityManager,
  workspaceId: string,
  state: ContactState,
): Promise<ContactRow> {
  const [row] = await selectRows<ContactRow>(
    manager,
    `INSERT INTO contacts (workspace_id, external_id, phone, email, name, attributes, tags, score, do_not_contact, consents)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::text[], $8, $9, $10::jsonb) RETURNING *`,
    [workspaceId, ...stateParams(state)],
  );
  return row;
}

export async function updateContact(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  state: ContactState,
): Promise<ContactRow> {
  const [row] = await selectRows<ContactRow>(
    manager,
    `UPDATE contacts SET external_id = $3, phone = $4, email = $5, name = $6, attributes = $7::jsonb, tags = $8::text[],
            score = $9, do_not_contact = $10, consents = $11::jsonb, updated_at = now()
      WHERE workspace_id = $1 AND id = $2 RETURNING *`,
    [workspaceId, id, ...stateParams(state)],
  );
  return row;
}

const STATE_RECORD = `jsonb_to_recordset($2::jsonb) AS v(
  id uuid, external_id text, phone text, email text, name text, attributes jsonb, tags jsonb, score integer,
  do_not_contact boolean, consents jsonb)`;
const TAGS_OF_V =
  'ARRAY(SELECT t FROM jsonb_array_elements_text(v.tags) WITH ORDINALITY AS e(t, n) ORDER BY n)';

/**
 * Inserts new contacts with the ids given in one statement; a contact whose identifier another writer took
 * meanwhile is not inserted (and not returned).
 */
export async function insertContacts(
  manager: EntityManager,
  workspaceId: string,
  contacts: { id: string; state: ContactState }[],
): Promise<ContactRow[]> {
  if (contacts.length === 0) return [];
  return selectRows<ContactRow>(
    manager,
    `INSERT INTO contacts (id, workspace_id, external_id, phone, email, name, attributes, tags, score, do_not_contact, consents)
     SELECT v.id, $1, v.external_id, v.phone, v.email, v.name, v.attributes, ${TAGS_OF_V}, v.score, v.do_not_contact,
            v.consents
       FROM ${STATE_RECORD}
     ON CONFLICT DO NOTHING RETURNING *`,
    [workspaceId, stateRecords(contacts)],
  );
}

/** Writes the state of each contact in one statement (as `updateContact` does one). */
export async function updateContacts(
  manager: EntityManager,
  workspaceId: string,
  contacts: { id: string; state: ContactState }[],
): Promise<ContactRow[]> {
  if (contacts.length === 0) return [];
  return selectRows<ContactRow>(
    manager,
    `WITH changed AS (
       UPDATE contacts c
          SET external_id = v.external_id, phone = v.phone, email = v.email, name = v.name, attributes = v.attributes,
              tags = ${TAGS_OF_V}, score = v.score, do_not_contact = v.do_not_contact, consents = v.consents,
              updated_at = now()
         FROM ${STATE_RECORD}
        WHERE c.workspace_id = $1 AND c.id = v.id
       RETURNING c.*)
     SELECT * FROM changed`,
    [workspaceId, stateRecords(contacts)],
  );
}

function stateRecords(contacts: { id: string; state: ContactState }[]): string {
  return JSON.stringify(
    contacts.map(({ id, state }) => ({
      id,
      external_id: state.externalId,
      phone: state.phone,
      email: state.email,
      name: state.name,
      attributes: state.attributes,
      tags: state.tags,
      score: state.score,
      do_not_contact: state.doNotContact,
      consents: state.consents,
    })),
  );
}

function stateParams(state: ContactState): unknown[] {
  return [
    state.externalId,
    state.phone,
    state.email,
    state.name,
    JSON.stringify(state.attributes),
    state.tags,
    state.score,
    state.doNotContact,
    JSON.stringify(state.consents),
  ];
}

/** Adds the Zalo identity to the contact, or updates its follower state; true when something changed. */
export async function upsertZaloIdentity(
  manager: EntityManager,
  workspaceId: string,
  contactId: string,
  identity: NormalizedZaloIdentity,
): Promise<boolean> {
  const rows = await selectRows<{ id: string }>(
    manager,
    `INSERT INTO contact_identities (workspace_id, contact_id, kind, oa_id, external_user_id, follower, followed_at)
     VALUES ($1, $2, 'zalo', $3, $4, coalesce($5, false), $6)
     ON CONFLICT (workspace_id, kind, oa_id, external_user_id) DO UPDATE
        SET follower = coalesce($5, contact_identities.follower),
            followed_at = coalesce($6, contact_identities.followed_at),
            updated_at = now()
      WHERE contact_identities.contact_id = $2
        AND (contact_identities.follower IS DISTINCT FROM coalesce($5, contact_identities.follower)
          OR contact_identities.followed_at IS DISTINCT FROM coalesce($6, contact_identities.followed_at))
     RETURNING id`,
    [
      workspaceId,
      contactId,
      identity.oaId,
      identity.userId,
      identity.follower ?? null,
      identity.followedAt ?? null,
    ],
  );
  return rows.length > 0;
}
