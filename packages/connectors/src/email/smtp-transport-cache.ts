import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpAccount } from './smtp.config';

/**
 * One pooled nodemailer SMTP transport per account configuration. The cache key is a digest of the connection
 * settings plus a separate digest of the credentials, so changing a password opens a new pool and the secret never
 * appears in a key, a log line or an error.
 */
export class SmtpTransportCache {
  private readonly transports = new Map<string, Transporter>();

  get(account: SmtpAccount): Transporter {
    const key = transportKey(account);
    let transport = this.transports.get(key);
    if (!transport) {
      transport = createTransport({
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
      this.transports.set(key, transport);
    }
    return transport;
  }

  /** Closes one account's pool (e.g. after its settings changed), or all of them. */
  close(account?: SmtpAccount): void {
    const keys = account ? [transportKey(account)] : [...this.transports.keys()];
    for (const key of keys) {
      this.transports.get(key)?.close();
      this.transports.delete(key);
    }
  }

  get size(): number {
    return this.transports.size;
  }
}

export function transportKey(account: SmtpAccount): string {
  const settings = digest(
    JSON.stringify([
      account.host,
      account.port,
      account.secure,
      account.verifyTlsCertificate,
      account.poolSize,
    ]),
  );
  const credentials = digest(JSON.stringify(account.auth ? [account.auth.user, account.auth.pass] : null));
  return `${settings}:${credentials}`;
}

function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
