import { startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { createHttpClient, type HttpClient } from '../../http/http-client';
import { SpeedSmsAccountSchema, type SpeedSmsAccount } from './speedsms.config';
import { createSpeedSmsConnector } from './speedsms.connector';

describe('SpeedSMS connector against the provider sandbox', () => {
  let sandbox: RunningSandbox;
  let http: HttpClient;
  let account: SpeedSmsAccount;
  const connector = () => createSpeedSmsConnector({ http });

  beforeAll(async () => {
    sandbox = await startSandbox({ speedsmsRateLimit: { limit: 1000, windowMs: 60_000 } });
    http = createHttpClient();
    const [seeded] = sandbox.seed.speedsms;
    account = SpeedSmsAccountSchema.parse({
      accessToken: seeded.accessToken,
      sender: seeded.senders[0],
      smsType: 3,
      baseUrl: sandbox.urls.speedsms,
    });
  });

  afterAll(async () => {
    await http.close();
    await sandbox.close();
  });

  it('sends with Basic auth and records the transaction id', async () => {
    const outcome = await connector().send({
      account,
      message: { to: '0912345101', text: 'Chào bạn'.normalize('NFD'), purpose: 'care' },
      idempotencyKey: 'speedsms-1',
    });
    expect(outcome).toMatchObject({ status: 'sent', correlationId: 'speedsms-1', segments: 1 });
    if (outcome.status !== 'sent') return;
    const [delivered] = sandbox.inbox({ channel: 'speedsms', recipient: '84912345101' });
    expect(delivered.providerMessageId).toBe(outcome.providerMessageId);
    expect(JSON.stringify(delivered.content)).toContain('Chào bạn');
  });

  it('labels advertising from a brand name', async () => {
    const outcome = await connector().send({
      account,
      message: { to: '0912345102', text: 'Giảm 20%', purpose: 'advertising' },
      idempotencyKey: 'speedsms-ad-1',
    });
    expect(outcome).toMatchObject({ status: 'sent' });
    const [delivered] = sandbox.inbox({ channel: 'speedsms', recipient: '84912345102' });
    expect(JSON.stringify(delivered.content)).toContain('[QC] Giảm 20%');
  });

  it('sends a batch sharing one text in one request', async () => {
    const outcomes = await connector().sendBatch({
      account,
      items: ['0912345103', '0912345104', '0912345105'].map((to, i) => ({
        message: { to, text: 'Lich hen ngay mai 9:00', purpose: 'care' as const },
        idempotencyKey: `speedsms-batch-${i}`,
      })),
    });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent', 'sent']);
    expect(outcomes.map((outcome) => outcome.correlationId)).toEqual([
      'speedsms-batch-0',
      'speedsms-batch-1',
      'speedsms-batch-2',
    ]);
    expect(sandbox.inbox({ channel: 'speedsms', recipient: '84912345105' })).toHaveLength(1);
  });

  it('a number listed twice with one text in a batch gets an outcome for each item', async () => {
    const outcomes = await connector().sendBatch({
      account,
      items: ['0912345106', '0912345107', '0912345106'].map((to, i) => ({
        message: { to, text: 'Nhac lich 2 lan', purpose: 'care' as const },
        idempotencyKey: `speedsms-twice-${i}`,
      })),
    });
    expect(outcomes.map((outcome) => outcome?.status)).toEqual(['sent', 'sent', 'sent']);
    expect(outcomes[2].correlationId).toBe('speedsms-twice-2');
    expect(sandbox.inbox({ channel: 'speedsms', recipient: '84912345106' })).toHaveLength(2);
  });

  it('a send whose answer was lost has an unknown outcome: SpeedSMS cannot recognise a resend', async () => {
    sandbox.addFault({ channel: 'speedsms', recipients: ['84912345109'], code: 'reset' });
    try {
      const outcome = await connector().send({
        account,
        message: { to: '0912345109', text: 'Lich hen', purpose: 'care' },
        idempotencyKey: 'speedsms-reset',
      });
      expect(outcome).toMatchObject({
        status: 'failed',
        class: 'outcome_unknown',
        correlationId: 'speedsms-reset',
      });
      expect(sandbox.inbox({ channel: 'speedsms', recipient: '84912345109' })).toHaveLength(1);
    } finally {
      sandbox.clearFaults();
    }
  });

  it('a bad token is a permanent account failure', async () => {
    const outcome = await connector().send({
      account: { ...account, accessToken: 'not-the-token' },
      message: { to: '0912345106', text: 'Test', purpose: 'care' },
      idempotencyKey: 'speedsms-bad-token',
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'permanent', scope: 'account' });
    expect(JSON.stringify(outcome)).not.toContain('not-the-token');
  });

  it('429 is retryable, with the wait from X-Rate-Limit-Reset', async () => {
    const limited = await startSandbox({ speedsmsRateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const limitedAccount = { ...account, baseUrl: limited.urls.speedsms };
      const outcomes = [];
      for (let i = 0; i < 3; i++) {
        outcomes.push(
          await connector().send({
            account: limitedAccount,
            message: { to: '0912345107', text: `Test ${i}`, purpose: 'care' },
            idempotencyKey: `speedsms-rate-${i}`,
          }),
        );
      }
      expect(outcomes.slice(0, 2).map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
      expect(outcomes[2]).toMatchObject({ status: 'failed', class: 'retryable', code: 'http_429' });
      const retryAfterMs = (outcomes[2] as { retryAfterMs?: number }).retryAfterMs;
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    } finally {
      await limited.close();
    }
  });

  it('a low balance (300) is a permanent account failure', async () => {
    sandbox.addFault({ channel: 'speedsms', code: '300', errorRate: 1 });
    try {
      const outcome = await connector().send({
        account,
        message: { to: '0912345108', text: 'Test', purpose: 'care' },
        idempotencyKey: 'speedsms-balance',
      });
      expect(outcome).toMatchObject({ status: 'failed', class: 'permanent', scope: 'account', code: '300' });
    } finally {
      sandbox.clearFaults();
    }
  });
});
