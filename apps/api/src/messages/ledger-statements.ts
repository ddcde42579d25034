import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';

/**
 * Planner settings of the ledger's own connections. Their statements only ever find rows by key, so a plan that
 * scans a table is always wrong; a prepared statement's generic plan, made while the table was small, could otherwise
 * stay a scan while the table grows.
 */
const KEYED_LOOKUPS_ONLY = '-c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off';

/** How the ledger's connections show in pg_stat_activity. */
export const LEDGER_APPLICATION_NAME = 'loa-send-ledger';

/**
 * Runs the send path's batched ledger statements. With `prepared`, on connections of their own (one per statement in
 * flight) as named prepared statements, parsed and planned once per connection. Without it (the embedded PGlite, or a
 * pooler in transaction mode, which can keep neither prepared statements nor connection settings) through the
 * application's pool, each statement planned for the values it is given.
 */
export class LedgerStatements {
  private readonly idle: pg.Client[] = [];
  /** Connections that failed or were ended: never used again. */
  private readonly dead = new WeakSet<pg.Client>();
  private readonly names = new Map<string, string>();
  private readonly url: string | undefined;
  private closed = false;

  /** `connections`: at most this many statements at once (the callers' lanes); one connection each. */
  constructor(
    private readonly db: DataSource,
    private readonly prepared: boolean,
    private readonly connections: number,
  ) {
    this.url = (db.options as { url?: string }).url;
  }

  async query<T>(text: string, values: unknown[]): Promise<T[]> {
    if (!this.prepared) return returnedRows<T>(await this.db.query(text, values));
    try {
      return await this.queryOnce<T>(text, values);
    } catch (error) {
      if (!connectionLost(error)) throw error;
      // Once more on a new connection (PostgreSQL restarted, or ended an idle connection). Writing again is safe
      // even if the first statement was committed: a row whose key is taken is not written twice (the caller is told
      // so), and an outcome is the same when written again.
      return this.queryOnce<T>(text, values);
    }
  }

  private async queryOnce<T>(text: string, values: unknown[]): Promise<T[]> {
    const client = this.idleClient() ?? (await this.connect());
    try {
      const result = await client.query({ name: this.nameOf(text), text, values });
      return result.rows as T[];
    } catch (error) {
      if (connectionLost(error)) this.dead.add(client);
      throw error;
    } finally {
      if (this.dead.has(client) || this.closed || this.idle.length >= this.connections)
        void client.end().catch(() => undefined);
      else this.idle.push(client);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((client) => client.end().catch(() => undefined)));
  }

  /** An idle connection that is still open (PostgreSQL may have ended one meanwhile). */
  private idleClient(): pg.Client | undefined {
    for (let client = this.idle.pop(); client; client = this.idle.pop()) {
      if (!this.dead.has(client)) return client;
      void client.end().catch(() => undefined);
    }
    return undefined;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      options: KEYED_LOOKUPS_ONLY,
      application_name: LEDGER_APPLICATION_NAME,
    });
    const lost = () => this.dead.add(client);
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    return client;
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = `loa_ledger_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return name;
  }
}

/** Whether the connection is gone with the error (a statement's own error, such as a constraint's, leaves it open). */
function connectionLost(error: unknown): boolean {
  return !(error instanceof pg.DatabaseError) || error.severity === 'FATAL' || error.severity === 'PANIC';
}
