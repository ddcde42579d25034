import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { EventInsertBatcher, MAX_FLUSHES_IN_FLIGHT } from './event-insert-batcher';
import { type NewEventRow, toEventRow } from './event-row';
import { EventStore, type StoredEvent } from './event-store';

/** The real store, counting the INSERT statements it runs. */
class CountingStore extends EventStore {
  statements = 0;
  override async insert(rows: NewEventRow[]): Promise<StoredEvent[]> {
    this.statements += 1;
    return super.insert(rows);
  }
}

describe('EventInsertBatcher on PostgreSQL', () => {
  let app: INestApplication;
  let db: DataSource;
  let workspaceId: string;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
    const [workspace] = (await db.query(
      `INSERT INTO workspaces (slug, name) VALUES ($1, 'Batcher') RETURNING id`,
      [`batcher-${randomUUID().slice(0, 8)}`],
    )) as Array<{ id: string }>;
    workspaceId = workspace?.id ?? '';
  });

  afterAll(async () => {
    await app.close();
  });

  const row = (messageId = randomUUID(), workspace = workspaceId) =>
    toEventRow({
      workspaceId: workspace,
      receivedAt: new Date(),
      event: { type: 'track', messageId, userId: 'batcher-user', event: 'Viewed' },
    });

  it('shares one INSERT among requests that arrive while earlier ones are being written', async () => {
    const store = new CountingStore(db);
    const batcher = new EventInsertBatcher(store);
    const rows = Array.from({ length: 60 }, () => row());
    const results = await Promise.all(rows.map((one) => batcher.insert([one])));
    expect(results.map((stored) => stored.map((event) => event.messageId))).toEqual(
      rows.map((one) => [one.message_id]),
    );
    // The first requests each take a free slot; the rest gather into a few shared statements.
    expect(store.statements).toBeLessThanOrEqual(MAX_FLUSHES_IN_FLIGHT * 2);
    const [{ count }] = (await db.query(
      'SELECT count(*)::int AS count FROM events WHERE workspace_id = $1 AND message_id = ANY($2)',
      [workspaceId, rows.map((one) => one.message_id)],
    )) as Array<{ count: number }>;
    expect(count).toBe(60);
  });

  it('answers a repeated messageId as stored before, whether in the same statement or a later one', async () => {
    const batcher = new EventInsertBatcher(new EventStore(db));
    const twice = row();
    const [first, second] = await Promise.all([batcher.insert([twice]), batcher.insert([{ ...twice }])]);
    expect([...first, ...second]).toHaveLength(1);
    expect(await batcher.insert([twice])).toEqual([]);
  });

  it("fails only the request whose row PostgreSQL refuses, never its neighbours'", async () => {
    const batcher = new EventInsertBatcher(new EventStore(db));
    const good = Array.from({ length: 30 }, () => row());
    const bad = row(randomUUID(), randomUUID()); // no such workspace: foreign key violation
    const outcomes = await Promise.allSettled([
      ...good.slice(0, 15).map((one) => batcher.insert([one])),
      batcher.insert([bad]),
      ...good.slice(15).map((one) => batcher.insert([one])),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    expect(outcomes[15]?.status).toBe('rejected');
    const [{ count }] = (await db.query(
      'SELECT count(*)::int AS count FROM events WHERE message_id = ANY($1)',
      [good.map((one) => one.message_id)],
    )) as Array<{ count: number }>;
    expect(count).toBe(30);
  });
});
