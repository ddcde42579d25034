import { randomUUID } from 'node:crypto';
import { testService } from '@loa/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';

/** The run's real PostgreSQL with every migration applied. */
export async function connectTestDatabase(): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url: testService('databaseUrl') }));
  await dataSource.initialize();
  return dataSource;
}

export async function createWorkspace(db: DataSource, timezone = 'Asia/Ho_Chi_Minh'): Promise<string> {
  const id = randomUUID();
  await db.query('INSERT INTO workspaces (id, slug, name, timezone) VALUES ($1, $2, $3, $4)', [
    id,
    `ws-${id.slice(0, 8)}`,
    'Segments test',
    timezone,
  ]);
  return id;
}

export interface ContactFixture {
  id?: string;
  phone?: string | null;
  email?: string | null;
  attributes?: Record<string, unknown>;
  tags?: string[];
  doNotContact?: boolean;
  consents?: Record<string, unknown>;
  zaloFollower?: boolean;
  erased?: boolean;
}

export async function insertContact(
  db: DataSource,
  workspaceId: string,
  contact: ContactFixture,
): Promise<string> {
  const id = contact.id ?? randomUUID();
  await db.query(
    `INSERT INTO contacts (id, workspace_id, phone, email, attributes, tags, do_not_contact, consents, erased_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      workspaceId,
      contact.phone ?? null,
      contact.email ?? null,
      JSON.stringify(contact.attributes ?? {}),
      contact.tags ?? [],
      contact.doNotContact ?? false,
      JSON.stringify(contact.consents ?? {}),
      contact.erased ? new Date() : null,
    ],
  );
  if (contact.zaloFollower !== undefined)
    await db.query(
      `INSERT INTO contact_identities (workspace_id, contact_id, kind, oa_id, external_user_id, follower)
       VALUES ($1, $2, 'zalo', 'oa-1', $3, $4)`,
      [workspaceId, id, `zalo-${id}`, contact.zaloFollower],
    );
  return id;
}

export async function insertEvent(
  db: DataSource,
  input: {
    workspaceId: string;
    contactId: string;
    name: string;
    at: Date;
    properties?: Record<string, unknown>;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO events (workspace_id, message_id, type, name, contact_id, properties, timestamp, processed_at)
     VALUES ($1, $2, 'track', $3, $4, $5, $6, now())`,
    [
      input.workspaceId,
      randomUUID(),
      input.name,
      input.contactId,
      JSON.stringify(input.properties ?? {}),
      input.at,
    ],
  );
}

export async function defineAttribute(
  db: DataSource,
  workspaceId: string,
  key: string,
  type: string,
): Promise<void> {
  await db.query('INSERT INTO attribute_definitions (workspace_id, key, type) VALUES ($1, $2, $3)', [
    workspaceId,
    key,
    type,
  ]);
}

export async function insertSegment(
  db: DataSource,
  input: { workspaceId: string; rule: unknown; name?: string; id?: string },
): Promise<string> {
  const id = input.id ?? randomUUID();
  await db.query('INSERT INTO segments (id, workspace_id, name, rule) VALUES ($1, $2, $3, $4)', [
    id,
    input.workspaceId,
    input.name ?? 'Segment',
    JSON.stringify(input.rule),
  ]);
  return id;
}
