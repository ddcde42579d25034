import { randomUUID } from 'node:crypto';
import { freePort, testService, waitFor } from '@loa/testing';
import { Client } from 'pg';
import { tokenHash } from '../auth/tokens';
import { apiServer, type ChildServer, redisServer, waitUntilListening } from './testing/child-services';
import { runConcurrently, sendUntilAcknowledged } from './testing/retrying-client';

const EVENTS = 300;
const CONCURRENCY = 8;

/**
 * "An acknowledged event is never lost": the built API runs as a child process on a Redis of its own; a client
 * that retries on errors sends N events while the API, then Redis, is killed with SIGKILL and started again.
 * Exactly N events are stored, none twice, and every one is eventually processed.
 */
describe('ingestion survives kill -9 of the API and of Redis', () => {
  let db: Client;
  let redis: ChildServer;
  let api: ChildServer;
  let url: string;
  let key: string;
  let workspaceId: string;

  beforeAll(async () => {
    const redisPort = await freePort();
    const apiPort = await freePort();
    url = `http://127.0.0.1:${apiPort}`;
    redis = redisServer(redisPort);
    redis.start();
    api = apiServer({
      port: apiPort,
      databaseUrl: testService('databaseUrl'),
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      redisPrefix: `${testService('redisPrefix')}:durability`,
    });
    api.start();
    await waitUntilListening(api, `${url}/health/live`);

    db = new Client({ connectionString: testService('databaseUrl') });
    await db.connect();
    const tag = randomUUID().slice(0, 8);
    const workspace = await db.query<{ id: string }>(
      `INSERT INTO workspaces (slug, name) VALUES ($1, 'Durability') RETURNING id`,
      [`durability-${tag}`],
    );
    workspaceId = workspace.rows[0]?.id ?? '';
    key = `loa_ingest_${randomUUID().replaceAll('-', '')}`;
    await db.query(
      `INSERT INTO api_keys (workspace_id, name, scope, prefix, token_hash) VALUES ($1, 'durability', 'ingest', $2, $3)`,
      [workspaceId, key.slice(0, 12), tokenHash(key)],
    );
  });

  afterAll(async () => {
    await api?.kill();
    await redis?.kill();
    await db?.end();
  });

  /** Sends EVENTS track events; `disrupt` runs once a third of them have been acknowledged. */
  async function sendWhile(disrupt: () => Promise<void>): Promise<{ messageIds: string[]; retries: number }> {
    const run = randomUUID().slice(0, 8);
    const messageIds = Array.from({ length: EVENTS }, (_, n) => `durable-${run}-${n}`);
    let acknowledged = 0;
    let retries = 0;
    let disruption: Promise<void> | undefined;
    await runConcurrently(messageIds, CONCURRENCY, async (messageId) => {
      const n = Number(messageId.split('-').at(-1));
      await sendUntilAcknowledged({
        url,
        key,
        path: '/v1/track',
        body: { messageId, userId: `durable-user-${n % 25}`, event: 'Durability probe', properties: { n } },
        onRetry: () => retries++,
      });
      acknowledged++;
      if (acknowledged === Math.floor(EVENTS / 3)) disruption = disrupt();
    });
    await disruption;
    return { messageIds, retries };
  }

  async function expectStoredOnceAndProcessed(messageIds: string[]): Promise<void> {
    const stored = await db.query<{ message_id: string; copies: string }>(
      `SELECT message_id, count(*) AS copies FROM events WHERE workspace_id = $1 AND message_id = ANY($2)
        GROUP BY message_id`,
      [workspaceId, messageIds],
    );
    expect(stored.rows).toHaveLength(EVENTS);
    expect(stored.rows.every((row) => Number(row.copies) === 1)).toBe(true);
    await waitFor(
      'every stored event processed',
      async () => {
        const left = await db.query<{ left: string; without_contact: string }>(
          `SELECT count(*) FILTER (WHERE processed_at IS NULL) AS left,
                  count(*) FILTER (WHERE contact_id IS NULL) AS without_contact
             FROM events WHERE workspace_id = $1 AND message_id = ANY($2)`,
          [workspaceId, messageIds],
        );
        const row = left.rows[0];
        if (Number(row?.left) !== 0 || Number(row?.without_contact) !== 0)
          throw new Error(`${row?.left} unprocessed, ${row?.without_contact} without contact`);
      },
      60_000,
      250,
    );
  }

  it('loses nothing and stores nothing twice when the API is killed mid-stream and restarted', async () => {
    const { messageIds, retries } = await sendWhile(async () => {
      await api.kill();
      await new Promise((resolve) => setTimeout(resolve, 300));
      api.start();
    });
    expect(retries).toBeGreaterThan(0);
    await expectStoredOnceAndProcessed(messageIds);
  }, 240_000);

  it('keeps acknowledging and loses nothing when Redis is killed mid-stream and restarted empty', async () => {
    const { messageIds, retries } = await sendWhile(async () => {
      await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      redis.start();
    });
    // The answer never waits for Redis: not one request failed while it was down.
    expect(retries).toBe(0);
    await expectStoredOnceAndProcessed(messageIds);
  }, 240_000);
});
