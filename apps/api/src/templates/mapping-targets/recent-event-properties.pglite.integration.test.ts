import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { recentEventProperties } from './recent-event-properties';

/** The development database is embedded PGlite: the templates migration and this query must run there too. */
describe('recent event properties on PGlite', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions({ kind: 'pglite', dataDir: 'memory://' }));
    await db.initialize();
  });
  afterAll(async () => db.destroy());

  it('reads the keys and types of recent processed track events per name', async () => {
    const workspaceId = randomUUID();
    await db.query(`INSERT INTO workspaces (id, slug, name) VALUES ($1, $2, 'PGlite')`, [
      workspaceId,
      `ws-${workspaceId.slice(0, 8)}`,
    ]);
    const insert = (name: string, properties: unknown, processed = true) =>
      db.query(
        `INSERT INTO events (workspace_id, message_id, type, name, properties, timestamp, processed_seq)
         VALUES ($1, $2, 'track', $3, $4, now(), CASE WHEN $5 THEN nextval('events_processed_seq') END)`,
        [workspaceId, randomUUID(), name, JSON.stringify(properties), processed],
      );
    await insert('order_placed', { orderId: 'DH1', total: 5 });
    await insert('order_placed', { orderId: 'DH2' });
    await insert('not_processed_yet', { a: 1 }, false);

    expect(await recentEventProperties(db.manager, { workspaceId, days: 30 })).toEqual([
      {
        name: 'order_placed',
        lastSeenAt: expect.any(String),
        properties: [
          { key: 'orderId', types: ['string'], seen: 2 },
          { key: 'total', types: ['number'], seen: 1 },
        ],
      },
    ]);
    await db.query(
      `INSERT INTO email_templates (workspace_id, name, subject, html, text) VALUES ($1, 'a', 's', 'h', 't')`,
      [workspaceId],
    );
  });
});
