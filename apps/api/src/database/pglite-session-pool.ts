import { EventEmitter } from 'node:events';
import { PGliteDriver } from 'typeorm-pglite';
import { currentTransactionScope, type TransactionScope } from './transaction-scope';

const BEGINS = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const ENDS = /^\s*(COMMIT|END|ROLLBACK|ABORT)\b(?!\s+(TO|PREPARED)\b)/i;
const ROLLS_BACK = /^\s*(ROLLBACK|ABORT)\b/i;
const SETS_TRANSACTION = /^\s*SET\s+TRANSACTION\b/i;
/** A statement that waits longer than this is most likely waiting, through code that lost its context, for itself. */
const WAIT_LIMIT_MS = 30_000;
/**
 * PGlite runs in this thread and answers through promises alone, so back-to-back statements would never let the
 * event loop turn: timers, sockets and requests would starve (a keep-alive socket then closes under a waiting
 * request: ECONNRESET). The session lets it turn at least this often.
 */
const TURN_EVENT_LOOP_MS = 20;

type Result = unknown;
interface BasePool {
  query(sql: string, params?: unknown[]): Promise<Result>;
  connect(callback: (error: Error | null) => void): Promise<void>;
  end(callback: (error: Error | null) => void): void;
}

/**
 * Who may use the one PGlite session now. A transaction owns it from BEGIN to COMMIT / ROLLBACK; meanwhile other
 * callers' statements wait (they would otherwise run inside it), except statements issued from inside the
 * transaction's own scope (transaction-scope.ts), which join it. A transaction begins only when no other statement
 * is running.
 */
class SessionTurns {
  private owner: { client: SessionClient; scope: TransactionScope | undefined } | undefined;
  private running = 0;
  private beginning = 0;
  private waiting: Array<() => void> = [];
  private tail: Promise<unknown> = Promise.resolve();
  private savepoints = 0;
  private lastTurn = Date.now();
  /** The client whose transaction the session is in, as far as the statements run so far go. */
  openOn: SessionClient | undefined;

  isOwner(client: SessionClient): boolean {
    return this.owner?.client === client;
  }

  /** The owning transaction's client when the caller runs inside that transaction's scope. */
  ownerCallerJoins(): SessionClient | undefined {
    const ownerScope = this.owner?.scope;
    const joins = ownerScope !== undefined && currentTransactionScope()?.within(ownerScope) === true;
    return joins ? this.owner?.client : undefined;
  }

  /**
   * Resolves once a statement of `client` may run alone (true; a BEGIN has then made `client` the owner), or false
   * once the caller runs inside the owning transaction (the caller checks that again with no await in between). The
   * check and the taking happen with no await between them.
   */
  async admit(client: SessionClient, begins: boolean): Promise<boolean> {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    if (begins) this.beginning += 1;
    try {
      // A transaction waiting to begin goes before new statements, or a steady stream of them would starve it.
      for (;;) {
        if (this.ownerCallerJoins()) return false;
        const free = this.owner === undefined && (begins ? this.running === 0 : this.beginning === 0);
        if (free) break;
        if (Date.now() > deadline)
          throw new Error(
            'The embedded database waited over 30 s for another transaction to end (code that waits for its own ' +
              'transaction from outside it would wait for ever)',
          );
        await new Promise<void>((resolve) => {
          this.waiting.push(resolve);
          setTimeout(resolve, 1000).unref();
        });
      }
    } finally {
      if (begins) this.beginning -= 1;
    }
    if (begins) this.owner = { client, scope: currentTransactionScope() };
    else this.running += 1;
    return true;
  }

  /** A statement admitted 'alone' is done; `ended` when the owner's transaction is over. */
  leave(client: SessionClient, ended: boolean): void {
    if (this.isOwner(client)) {
      if (ended) this.owner = undefined;
    } else this.running -= 1;
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Runs `work` with no other statement on the session between its statements. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      if (Date.now() - this.lastTurn >= TURN_EVENT_LOOP_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        this.lastTurn = Date.now();
      }
      return work();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  savepointName(): string {
    this.savepoints += 1;
    return `loa_session_${this.savepoints}`;
  }
}

/** One per process, as typeorm-pglite's PGlite instance. */
const turns = new SessionTurns();

/** What TypeORM's Postgres driver takes for a connection: `query(sql, params)` and the events of a `pg` client. */
class SessionClient extends EventEmitter {
  /** A transaction begun inside the owning one is a savepoint of it. */
  private nested: { in: SessionClient; savepoint: string } | undefined;

  constructor(private readonly base: BasePool) {
    super();
  }

  async query(sql: string, params?: unknown[]): Promise<Result> {
    if (turns.isOwner(this)) return this.asOwner(sql, params);
    if (this.nested && turns.isOwner(this.nested.in)) return this.inNested(this.nested, sql, params);
    this.nested = undefined;
    const begins = BEGINS.test(sql);
    for (;;) {
      const owner = turns.ownerCallerJoins();
      if (owner) return begins ? this.beginNested(owner) : this.joined(owner, sql, params);
      if (await turns.admit(this, begins)) break;
    }
    if (begins) return this.asOwner(sql, params);
    try {
      return await this.run(sql, params);
    } finally {
      turns.leave(this, false);
    }
  }

  /** Back to the pool: a transaction left open (the caller failed between BEGIN and COMMIT) is rolled back. */
  async release(): Promise<void> {
    const open = turns.isOwner(this) || (this.nested !== undefined && turns.isOwner(this.nested.in));
    if (open) await this.query('ROLLBACK').catch(() => undefined);
    this.nested = undefined;
  }

  private async asOwner(sql: string, params?: unknown[]): Promise<Result> {
    let ended = ENDS.test(sql);
    try {
      return await turns.exclusive(async () => {
        try {
          const result = await this.base.query(sql, params);
          if (BEGINS.test(sql)) turns.openOn = this;
          return result;
        } finally {
          if (ended) turns.openOn = undefined;
        }
      });
    } catch (error) {
      // A BEGIN that failed began nothing.
      ended ||= BEGINS.test(sql);
      throw error;
    } finally {
      turns.leave(this, ended);
    }
  }

  private async beginNested(owner: SessionClient): Promise<Result> {
    const savepoint = turns.savepointName();
    const result = await this.run(`SAVEPOINT ${savepoint}`);
    this.nested = { in: owner, savepoint };
    return result;
  }

  private async inNested(
    nested: { in: SessionClient; savepoint: string },
    sql: string,
    params?: unknown[],
  ): Promise<Result> {
    if (SETS_TRANSACTION.test(sql)) return { rows: [], fields: [] };
    if (!ENDS.test(sql)) return this.run(sql, params);
    this.nested = undefined;
    if (!ROLLS_BACK.test(sql)) return this.run(`RELEASE SAVEPOINT ${nested.savepoint}`);
    return turns.exclusive(async () => {
      await this.base.query(`ROLLBACK TO SAVEPOINT ${nested.savepoint}`);
      return this.base.query(`RELEASE SAVEPOINT ${nested.savepoint}`);
    });
  }

  /**
   * A statement from inside the owning transaction: in a savepoint, so that its failure fails it alone (as on a
   * connection of its own). One that comes after the transaction's end (it raced the COMMIT) runs on its own.
   */
  private joined(owner: SessionClient, sql: string, params?: unknown[]): Promise<Result> {
    const savepoint = turns.savepointName();
    return turns.exclusive(async () => {
      if (turns.openOn !== owner) return this.base.query(sql, params);
      await this.base.query(`SAVEPOINT ${savepoint}`);
      try {
        const result = await this.base.query(sql, params);
        await this.base.query(`RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        await this.base.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
        await this.base.query(`RELEASE SAVEPOINT ${savepoint}`).catch(() => undefined);
        throw error;
      }
    });
  }

  private run(sql: string, params?: unknown[]): Promise<Result> {
    return turns.exclusive(() => this.base.query(sql, params));
  }
}

/**
 * typeorm-pglite's pool with turns: every `connect()` gets a client of its own, and the clients take turns on the
 * single PGlite session (see SessionTurns). The library's pool hands every caller the same session with no turns,
 * so two transactions at once interleave their BEGIN, SAVEPOINT and COMMIT statements.
 */
class SessionPool extends EventEmitter {
  constructor(private readonly base: BasePool) {
    super();
  }

  async connect(
    callback: (error: Error | null, client?: SessionClient, done?: () => void) => void,
  ): Promise<void> {
    await this.base.connect((error) => {
      if (error) return callback(error);
      const client = new SessionClient(this.base);
      callback(null, client, () => void client.release());
    });
  }

  /** A statement on the pool itself is a statement of a client of its own. */
  query(sql: string, params?: unknown[]): Promise<Result> {
    return new SessionClient(this.base).query(sql, params);
  }

  end(callback: (error: Error | null) => void): void {
    this.base.end(callback);
  }
}

/** The `driver` option (TypeORM's stand-in for the `pg` module) of the embedded database. */
export function pgliteSessionDriver(dataDir: string): { Pool: new () => SessionPool } {
  const Base = new PGliteDriver({ dataDir }).driver.Pool as unknown as new () => BasePool;
  return {
    Pool: class extends SessionPool {
      constructor() {
        super(new Base());
      }
    },
  };
}

export function isPgliteSessionDriver(driver: unknown): boolean {
  const pool = (driver as { Pool?: { prototype?: unknown } } | undefined)?.Pool?.prototype;
  return pool instanceof SessionPool;
}
