import { Redis } from 'ioredis';
import { Client as PgClient } from 'pg';
import { stopServer } from './child-processes';
import { killFileServers } from './file-servers';

/** Undoes the global setup: stops the servers, drops the run's database, deletes the run's Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__LOA_TEST_RUN__;
  if (!state) return;
  if (state.fileServersDir) killFileServers(state.fileServersDir);
  await Promise.all([
    ...state.servers.map((server) => stopServer(server)),
    state.databaseName && state.adminUrl ? dropDatabase(state.adminUrl, state.databaseName) : undefined,
    state.redisUrl && state.redisPrefix ? deleteKeys(state.redisUrl, state.redisPrefix) : undefined,
  ]);
  globalThis.__LOA_TEST_RUN__ = undefined;
}

async function dropDatabase(adminUrl: string, databaseName: string): Promise<void> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
