import { startSandbox, type InboxMessage, type RunningSandbox } from '@loa/provider-sandbox';
import { createEmailConnector, messageIdFor, type EmailConnector } from './email.connector';
import { closedPort } from '../http/testing/faulty-server';
import { SmtpAccountSchema, type SmtpAccount } from './smtp.config';
import { SmtpTransportCache } from './smtp-transport-cache';

describe('Email connector against the sandbox SMTP server', () => {
  let sandbox: RunningSandbox;
  let connector: EmailConnector;
  let account: SmtpAccount;
  const transports = new SmtpTransportCache();

  beforeAll(async () => {
    sandbox = await startSandbox();
    connector = createEmailConnector({ transports });
    const smtp = new URL(sandbox.urls.smtp);
    const [user] = sandbox.seed.smtp;
    account = SmtpAccountSchema.parse({
      host: smtp.hostname,
      port: Number(smtp.port),
      secure: false,
      verifyTlsCertificate: false,
      auth: { user: user.user, pass: user.pass },
      poolSize: 2,
      from: 'Shop Hoa <news@shophoa.vn>',
      messageIdDomain: 'mail.shophoa.vn',
      unsubscribe: { urlTemplate: 'https://loa.example/u/{token}', mailto: 'unsubscribe@shophoa.vn' },
    });
  });

  afterEach(() => sandbox.clearFaults());

  afterAll(async () => {
    connector.close();
    await sandbox.close();
  });

  const received = (recipient: string): InboxMessage => {
    const [message] = sandbox.inbox({ channel: 'smtp', recipient });
    expect(message).toBeDefined();
    return message;
  };

  it('delivers marketing mail with the key-derived Message-ID, one-click unsubscribe headers, a text part and the Vietnamese subject', async () => {
    const idempotencyKey = 'journey:camp_9:contact_5:once:send_email_1:1';
    const subject = 'Ưu đãi cuối tuần dành cho bạn';
    const outcome = await connector.send({
      account,
      idempotencyKey,
      message: {
        to: 'lan@example.vn',
        subject: subject.normalize('NFD'),
        html: '<h1>Chào Lan</h1><p>Giảm <b>30%</b> cho đơn hàng tiếp theo.</p>'.normalize('NFD'),
        purpose: 'marketing',
        unsubscribeToken: 'u_5f1c9a',
      },
    });
    const messageId = messageIdFor({ idempotencyKey, messageIdDomain: 'mail.shophoa.vn' });
    expect(outcome).toMatchObject({ status: 'sent', providerMessageId: messageId, correlationId: messageId });

    const message = received('lan@example.vn');
    expect(message.correlationId).toBe(messageId);
    const content = message.content as {
      subject?: string;
      text?: string;
      html?: string;
      messageId?: string;
      listUnsubscribe?: string;
      listUnsubscribePost?: string;
    };
    expect(content.messageId).toBe(messageId);
    expect(content.listUnsubscribe).toBe(
      '<https://loa.example/u/u_5f1c9a>, <mailto:unsubscribe@shophoa.vn?subject=unsubscribe%20u_5f1c9a>',
    );
    expect(content.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
    expect(content.subject).toBe(subject);
    // html-to-text upper-cases headings: the text part is Loa's, not one the receiving parser derived from the HTML.
    expect(content.text).toContain('CHÀO LAN');
    expect(content.text).toContain('Giảm 30% cho đơn hàng tiếp theo.');
    expect(content.html).toContain('<h1>Chào Lan</h1>');
  });

  it('reuses one pooled transport per account', async () => {
    await connector.sendBatch({
      account,
      items: ['a@example.vn', 'b@example.vn', 'c@example.vn'].map((to, i) => ({
        message: { to, subject: 'Hoá đơn', text: 'Cảm ơn bạn', purpose: 'transactional' as const },
        idempotencyKey: `invoice-${i}`,
      })),
    });
    expect(['a@example.vn', 'b@example.vn', 'c@example.vn'].map((to) => received(to).channel)).toEqual([
      'smtp',
      'smtp',
      'smtp',
    ]);
    expect(transports.size).toBe(1);
  });

  it('refuses marketing mail without an unsubscribe token before connecting', async () => {
    const outcome = await connector.send({
      account,
      idempotencyKey: 'no-token',
      message: { to: 'x@example.vn', subject: 'Sale', text: 'Sale', purpose: 'marketing' },
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      class: 'permanent',
      code: 'loa_unsubscribe_token_missing',
    });
  });

  it('a 5xx rejection of the recipient is permanent for that recipient; a 4xx is retryable', async () => {
    sandbox.addFault({ channel: 'smtp', recipients: ['gone@example.vn'], code: 550, errorRate: 1 });
    sandbox.addFault({ channel: 'smtp', recipients: ['busy@example.vn'], code: 452, errorRate: 1 });
    const send = (to: string) =>
      connector.send({
        account,
        idempotencyKey: `reject-${to}`,
        message: { to, subject: 'Hi', text: 'Hi', purpose: 'transactional' },
      });
    expect(await send('gone@example.vn')).toMatchObject({
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      code: '550',
    });
    expect(await send('busy@example.vn')).toMatchObject({
      status: 'failed',
      class: 'retryable',
      code: '452',
    });
  });

  it('a wrong SMTP password is a permanent account failure that does not reveal it', async () => {
    const local = createEmailConnector();
    try {
      const outcome = await local.send({
        account: { ...account, auth: { user: account.auth?.user ?? '', pass: 'wrong-password-123' } },
        idempotencyKey: 'wrong-pass',
        message: { to: 'y@example.vn', subject: 'Hi', text: 'Hi', purpose: 'transactional' },
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'permanent', scope: 'account', code: '535' });
      expect(JSON.stringify(outcome)).not.toContain('wrong-password-123');
    } finally {
      local.close();
    }
  });

  it('an outage is retryable', async () => {
    sandbox.addFault({ channel: 'smtp', outage: { from: 0, to: Number.MAX_SAFE_INTEGER } });
    const local = createEmailConnector();
    try {
      const outcome = await local.send({
        account,
        idempotencyKey: 'outage',
        message: { to: 'z@example.vn', subject: 'Hi', text: 'Hi', purpose: 'transactional' },
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'retryable' });
    } finally {
      local.close();
    }
  });

  it('a refused connection is retryable: nothing reached the server', async () => {
    const local = createEmailConnector();
    try {
      const outcome = await local.send({
        account: { ...account, port: await closedPort() },
        idempotencyKey: 'refused',
        message: { to: 'r@example.vn', subject: 'Hi', text: 'Hi', purpose: 'transactional' },
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'retryable' });
    } finally {
      local.close();
    }
  });

  it('a connection dropped after the message data leaves the outcome unknown', async () => {
    sandbox.addFault({ channel: 'smtp', recipients: ['dropped@example.vn'], code: 'reset' });
    const local = createEmailConnector();
    try {
      const outcome = await local.send({
        account,
        idempotencyKey: 'dropped',
        message: { to: 'dropped@example.vn', subject: 'Hi', text: 'Hi', purpose: 'transactional' },
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'outcome_unknown', code: 'ECONNECTION' });
      expect(sandbox.inbox({ channel: 'smtp', recipient: 'dropped@example.vn' })).toHaveLength(1);
    } finally {
      local.close();
    }
  });
});
