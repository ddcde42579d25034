import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createTransport, type SendMailOptions, type SentMessageInfo, type Transporter } from 'nodemailer';
import type { SmtpAccount } from './smtp.config';

export interface SmtpTransportCacheOptions {
  /** Pools kept at most; beyond it the least recently used one is closed. */
  maxPools?: number;
  /** A pool unused for this long is closed. */
  idleMs?: number;
  /** The clock idleness is measured with (milliseconds, monotonic); for tests. */
  now?: () => number;
}

interface Pool {
  transport: Transporter;
  /** Digest of the password the pool logs in with. */
  credentials: string;
  /** Sends started on this pool and not finished. */
  inFlight: number;
  /** Evicted: closed as soon as its last send finishes. */
  retired: boolean;
}

const DEFAULT_MAX_POOLS = 100;
const DEFAULT_IDLE_MS = 5 * 60_000;

/**
 * Pooled nodemailer SMTP transports, one per server and login (host, port, TLS settings, pool size, user). A pool
 * unused for `idleMs` or pushed out by `maxPools` more recent ones is closed, and a changed password closes the
 * pool that logs in with the old one, so neither sockets nor stale secrets pile up in this process-wide cache. A pool
 * is closed only once the sends already started on it have finished. Keys are digests: no secret appears in a key,
 * a log line or an error.
 */
export class SmtpTransportCache {
  private readonly pools: LRUCache<string, Pool>;

  constructor(options: SmtpTransportCacheOptions = {}) {
    const now = options.now;
    this.pools = new LRUCache<string, Pool>({
      max: options.maxPools ?? DEFAULT_MAX_POOLS,
      ttl: options.idleMs ?? DEFAULT_IDLE_MS,
      updateAgeOnGet: true,
      ttlAutopurge: now === undefined,
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
      dispose: (pool) => retire(pool),
    });
  }

  /** Sends one message through the account's pool, opening the pool when there is none. */
  async send(account: SmtpAccount, mail: SendMailOptions): Promise<SentMessageInfo> {
    this.pools.purgeStale();
    const pool = this.poolFor(account);
    pool.inFlight += 1;
    try {
      return await pool.transport.sendMail(mail);
    } finally {
      pool.inFlight -= 1;
      if (pool.retired && pool.inFlight === 0) pool.transport.close();
    }
  }

  /** Connects and logs in with the account's settings and sends nothing ("test connection"); throws when it cannot. */
  async verify(account: SmtpAccount): Promise<void> {
    this.pools.purgeStale();
    await this.poolFor(account).transport.verify();
  }

  /** Closes one account's pool (e.g. after its settings changed), or all of them. */
  close(account?: SmtpAccount): void {
    if (account) this.pools.delete(poolKey(account));
    else this.pools.clear();
  }

  /** Pools open now. */
  get size(): number {
    this.pools.purgeStale();
    return this.pools.size;
  }

  private poolFor(account: SmtpAccount): Pool {
    const key = poolKey(account);
    const credentials = digest(JSON.stringify(account.auth?.pass ?? null));
    const existing = this.pools.get(key);
    if (existing?.credentials === credentials) return existing;
    const pool: Pool = { transport: openTransport(account), credentials, inFlight: 0, retired: false };
    this.pools.set(key, pool);
    return pool;
  }
}

function retire(pool: Pool): void {
  pool.retired = true;
  if (pool.inFlight === 0) pool.transport.close();
}

function openTransport(account: SmtpAccount): Transporter {
  return createTransport({
    pool: true,
    host: account.host,
    port: account.port,
    secure: account.secure,
    maxConnections: account.poolSize,
    tls: { rejectUnauthorized: account.verifyTlsCertificate },
    ...(account.auth ? { auth: { user: account.auth.user, pass: account.auth.pass } } : {}),
    logger: false,
    debug: false,
  });
}

/** The server and login a pool belongs to; the password is not part of it, so a new one replaces the old pool. */
export function poolKey(account: SmtpAccount): string {
  return digest(
    JSON.stringify([
      account.host,
      account.port,
      account.secure,
      account.verifyTlsCertificate,
      account.poolSize,
      account.auth?.user ?? null,
    ]),
  );
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
