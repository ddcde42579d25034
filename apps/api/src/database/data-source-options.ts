import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/loa-config';
import { migrations } from './migrations';
import { PgliteDataSource } from './pglite-data-source';
import { isPgliteSessionDriver, pgliteSessionDriver } from './pglite-session-pool';

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
  return { ...common, driver: pgliteSessionDriver(database.dataDir) };
}

/** A DataSource for those options (on PGlite one whose transactions the session pool can tell apart). */
export function createDataSource(options: DataSourceOptions): DataSource {
  const driver = 'driver' in options ? options.driver : undefined;
  return isPgliteSessionDriver(driver) ? new PgliteDataSource(options) : new DataSource(options);
}
