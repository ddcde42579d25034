import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpAccountSchema, type SmtpAccount } from './smtp.config';
import { SmtpTransportCache } from './smtp-transport-cache';

/** A mail server that only counts: which connections are open and which password each logged in with. */
class CountingSmtpServer {
  readonly opened: string[] = [];
  readonly open = new Map<string, { user?: string; pass?: string }>();
  private readonly changes = new EventEmitter();
  private readonly server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 100,
    onConnect: (session, callback) => {
      this.opened.push(session.id);
      this.open.set(session.id, {});
      this.changes.emit('change');
      callback();
    },
    onAuth: (auth, session, callback) => {
      this.open.set(session.id, { user: auth.username, pass: auth.password ?? undefined });
      callback(null, { user: auth.username });
    },
    onData: (stream, _session, callback) => {
      stream.on('end', () => callback());
      stream.resume();
    },
    onClose: (session) => {
      this.open.delete(session.id);
      this.changes.emit('change');
    },
  });

  async start(): Promise<number> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server.server, 'listening');
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Resolves once `condition` holds, checked again on every connection opened or closed. */
  async until(condition: () => boolean): Promise<void> {
    while (!condition()) await once(this.changes, 'change');
  }

  passwordsOfOpenConnections(): Array<string | undefined> {
    return [...this.open.values()].map(({ pass }) => pass);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('SmtpTransportCache', () => {
  let smtp: CountingSmtpServer;
  let base: SmtpAccount;
  const mail = (to: string) => ({ from: 'news@shophoa.vn', to, subject: 'Hi', text: 'Hi' });
  const withLogin = (user: string, pass: string): SmtpAccount => ({ ...base, auth: { user, pass } });

  beforeEach(async () => {
    smtp = new CountingSmtpServer();
    const port = await smtp.start();
    base = SmtpAccountSchema.parse({
      host: '127.0.0.1',
      port,
      verifyTlsCertificate: false,
      auth: { user: 'news', pass: 'first-password' },
      poolSize: 1,
      from: 'news@shophoa.vn',
      messageIdDomain: 'shophoa.vn',
      unsubscribe: { urlTemplate: 'https://loa.example/u/{token}' },
    });
  });

  afterEach(() => smtp.stop());

  it('sends many messages over one pooled connection', async () => {
    const cache = new SmtpTransportCache();
    try {
      for (const to of ['a@example.vn', 'b@example.vn', 'c@example.vn', 'd@example.vn']) {
        await cache.send(base, mail(to));
      }
      expect(smtp.opened).toHaveLength(1);
      expect(cache.size).toBe(1);
    } finally {
      cache.close();
    }
  });

  it('a changed password closes the pool of the old one after its send finishes', async () => {
    const cache = new SmtpTransportCache();
    try {
      const before = cache.send(base, mail('a@example.vn'));
      const after = cache.send(withLogin('news', 'second-password'), mail('b@example.vn'));
      await expect(Promise.all([before, after])).resolves.toHaveLength(2);
      await smtp.until(() => !smtp.passwordsOfOpenConnections().includes('first-password'));
      expect(smtp.opened).toHaveLength(2);
      expect(smtp.passwordsOfOpenConnections()).toEqual(['second-password']);
      expect(cache.size).toBe(1);
    } finally {
      cache.close();
    }
  });

  it('closes a pool left idle for idleMs', async () => {
    let now = 1_000;
    const cache = new SmtpTransportCache({ idleMs: 60_000, now: () => now });
    try {
      await cache.send(base, mail('a@example.vn'));
      now += 30_000;
      expect(cache.size).toBe(1);
      expect(smtp.open.size).toBe(1);
      now += 60_001;
      expect(cache.size).toBe(0);
      await smtp.until(() => smtp.open.size === 0);
      await cache.send(base, mail('b@example.vn'));
      expect(smtp.opened).toHaveLength(2);
    } finally {
      cache.close();
    }
  });

  it('closes the least recently used pool beyond maxPools', async () => {
    const cache = new SmtpTransportCache({ maxPools: 2 });
    try {
      await cache.send(withLogin('shop_a', 'a-password'), mail('a@example.vn'));
      await cache.send(withLogin('shop_b', 'b-password'), mail('b@example.vn'));
      await cache.send(withLogin('shop_a', 'a-password'), mail('c@example.vn'));
      await cache.send(withLogin('shop_c', 'c-password'), mail('d@example.vn'));
      await smtp.until(() => smtp.open.size === 2);
      expect(smtp.passwordsOfOpenConnections().sort()).toEqual(['a-password', 'c-password']);
      expect(cache.size).toBe(2);
    } finally {
      cache.close();
    }
  });

  it('close() closes every pool', async () => {
    const cache = new SmtpTransportCache();
    await cache.send(withLogin('shop_a', 'a-password'), mail('a@example.vn'));
    await cache.send(withLogin('shop_b', 'b-password'), mail('b@example.vn'));
    cache.close();
    await smtp.until(() => smtp.open.size === 0);
    expect(cache.size).toBe(0);
  });
});
