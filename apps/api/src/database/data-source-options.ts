import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGliteDriver } from 'typeorm-pglite';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/loa-config';
import { migrations } from './migrations';

/**
 * One set of options for both engines: PostgreSQL through `pg`, or embedded PGlite through typeorm-pglite.
 * Schema changes only ever come from migrations.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    synchronize: false,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    migrations,
    entities: [],
  };
  if (database.kind === 'postgres') return { ...common, url: database.url, extra: { max: 10 } };
  if (!database.dataDir.startsWith('memory://')) mkdirSync(dirname(database.dataDir), { recursive: true });
  return { ...common, driver: new PGliteDriver({ dataDir: database.dataDir }).driver };
}
