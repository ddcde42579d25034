import { EventEmitter } from 'node:events';
import { PGliteDriver } from 'typeorm-pglite';

const BEGINS = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const ENDS = /^\s*(COMMIT|END|ROLLBACK)\b(?!\s+(TO|PREPARED)\b)/i;
/** A query outside a transaction that waits longer than this is most likely waiting for its own caller. */
const WAIT_LIMIT_MS = 30_000;

type Result = unknown;
interface BasePool {
  query(sql: string, params?: unknown[]): Promise<Result>;
  connect(callback: (error: Error | null) => void): Promise<void>;
}

/**
 * Who may use the one PGlite session now. A transaction owns it from BEGIN to COMMIT / ROLLBACK; other callers'
 * statements wait meanwhile (they would otherwise run inside it). A transaction begins only when no other statement
 * is running.
 */
class SessionTurns {
  private owner: SessionClient | undefined;
  private running = 0;
  private beginning = 0;
  private waiting: Array<() => void> = [];

  /** Resolves once `client` may run its statement; the check and the taking happen with no await between them. */
  async enter(client: SessionClient, begins: boolean): Promise<void> {
    if (this.owner === client) return;
    const deadline = Date.now() + WAIT_LIMIT_MS;
    if (begins) this.beginning += 1;
    try {
      // A transaction waiting to begin goes before new statements, or a steady stream of them would starve it.
      while (
        begins ? this.owner !== undefined || this.running > 0 : this.owner !== undefined || this.beginning > 0
      ) {
        if (Date.now() > deadline)
          throw new Error(
            'The embedded database waited over 30 s for a transaction to end (a statement outside a transaction, ' +
              'issued by code running inside it, would wait for ever)',
          );
        await new Promise<void>((resolve) => {
          this.waiting.push(resolve);
          setTimeout(resolve, 1000).unref();
        });
      }
    } finally {
      if (begins) this.beginning -= 1;
    }
    if (begins) this.owner = client;
    else this.running += 1;
  }

  leave(client: SessionClient, ended: boolean): void {
    if (this.owner === client) {
      if (ended) this.owner = undefined;
    } else this.running -= 1;
    for (const wake of this.waiting.splice(0)) wake();
  }

  owns(client: SessionClient): boolean {
    return this.owner === client;
  }
}

/** What TypeORM's Postgres driver takes for a connection: `query(sql, params)` and the events of a `pg` client. */
class SessionClient extends EventEmitter {
  constructor(
    private readonly pool: BasePool,
    private readonly turns: SessionTurns,
  ) {
    super();
  }

  async query(sql: string, params?: unknown[]): Promise<Result> {
    const begins = BEGINS.test(sql);
    await this.turns.enter(this, begins);
    const ends = this.turns.owns(this) && ENDS.test(sql);
    try {
      return await this.pool.query(sql, params);
    } finally {
      this.turns.leave(this, ends);
    }
  }

  /** Back to the pool: a transaction left open (the caller failed between BEGIN and COMMIT) is rolled back. */
  async release(): Promise<void> {
    if (this.turns.owns(this)) await this.query('ROLLBACK').catch(() => undefined);
  }
}

/**
 * typeorm-pglite's pool with one change: every `connect()` gets a client of its own, and the clients take turns on
 * the single PGlite session (see SessionTurns). The library's pool hands every caller the same session with no
 * turns, so two transactions at once interleave their BEGIN, SAVEPOINT and COMMIT statements.
 */
export function pgliteSessionDriver(dataDir: string): { Pool: new () => BasePool } {
  const Base = new PGliteDriver({ dataDir }).driver.Pool as unknown as new () => BasePool & EventEmitter;
  class SessionPool extends Base {
    private readonly turns = new SessionTurns();

    override async connect(
      callback: (error: Error | null, client?: SessionClient, done?: () => void) => void,
    ): Promise<void> {
      await super.connect((error) => {
        if (error) return callback(error);
        const client = new SessionClient(
          { query: (sql, params) => super.query(sql, params), connect: () => Promise.resolve() },
          this.turns,
        );
        callback(null, client, () => void client.release());
      });
    }
  }
  return { Pool: SessionPool };
}
