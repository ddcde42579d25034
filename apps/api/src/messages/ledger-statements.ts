import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../database/returned-rows';

/** How the ledger's connections show in pg_stat_activity. */
export const LEDGER_APPLICATION_NAME = 'loa-send-ledger';

/**
 * Settings of the ledger's own connections, set once each connects (a setting in the database URL cannot override
 * them). Their statements only ever find rows by key, so a plan that scans a table is always wrong; a prepared
 * statement's generic plan, made while the table was small, could otherwise stay a scan while the table grows. A
 * statement that waits on a lock or runs long fails instead of holding up every send of the process.
 */
const SESSION_SETTINGS = `SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off;
  SET lock_timeout = '5s'; SET statement_timeout = '15s'; SET application_name = '${LEDGER_APPLICATION_NAME}'`;

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Runs the send path's batched ledger statements. With `prepared`, on connections of their own (one per flush in
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

  /** `connections`: at most this many flushes at once (the callers' lanes); one connection each. */
  constructor(
    private readonly db: DataSource,
    private readonly prepared: boolean,
    private readonly connections: number,
  ) {
    this.url = (db.options as { url?: string }).url;
    if (prepared && !this.url) throw new Error('The send ledger needs the database URL of its data source');
  }

  /**
   * Runs the statements one after the other, each in its own transaction, and answers their rows (none for a
   * statement given as `false`). On its own connection, the next is sent as soon as the previous one is done.
   */
  async queryInOrder<T>(statements: Array<Statement | false>): Promise<Array<T[] | undefined>> {
    if (!this.prepared) {
      const results: Array<T[] | undefined> = [];
      for (const statement of statements)
        results.push(
          statement ? returnedRows<T>(await this.db.query(statement.text, statement.values)) : undefined,
        );
      return results;
    }
    try {
      return await this.onOneConnection<T>(statements);
    } catch (error) {
      if (!connectionLost(error)) throw error;
      // Once more on a new connection (PostgreSQL restarted, or ended an idle connection). Writing again is safe even
      // if the first try was committed: its callers' statements recognise their own rows and outcomes.
      return this.onOneConnection<T>(statements);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((client) => client.end().catch(() => undefined)));
  }

  private async onOneConnection<T>(statements: Array<Statement | false>): Promise<Array<T[] | undefined>> {
    const client = this.idleClient() ?? (await this.connect());
    try {
      // All queued at once: the driver sends each as soon as the previous one is answered.
      return await Promise.all(
        statements.map(async (statement) =>
          statement
            ? ((await client.query({ name: this.nameOf(statement.text), ...statement })).rows as T[])
            : undefined,
        ),
      );
    } catch (error) {
      if (connectionLost(error)) this.dead.add(client);
      throw error;
    } finally {
      if (this.dead.has(client) || this.closed || this.idle.length >= this.connections)
        void client.end().catch(() => undefined);
      else this.idle.push(client);
    }
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
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    const lost = () => this.dead.add(client);
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    try {
      await client.query(SESSION_SETTINGS);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
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

/**
 * Whether the connection is gone with the error (a statement's own error, such as a constraint's, leaves it open):
 * no answer from PostgreSQL at all, or SQLSTATE class 08 (connection exception) or 57P01–57P05 (shut down, database
 * dropped, idle session timeout).
 */
function connectionLost(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  const code = error.code ?? '';
  return code.startsWith('08') || /^57P0[1-5]$/.test(code);
}
