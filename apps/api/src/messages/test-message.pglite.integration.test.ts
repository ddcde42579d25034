import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import {
  sandboxEsmsConfig,
  sandboxSmtpConfig,
  startZaloTestSandbox,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { startPgliteApp } from '../testing/pglite-app';

describe('test messages on embedded PGlite (the development database)', () => {
  let app: INestApplication;
  let sandbox: RunningSandbox;
  let ws: TestWorkspace;
  let pglite: Awaited<ReturnType<typeof startPgliteApp>>;

  beforeAll(async () => {
    sandbox = await startZaloTestSandbox();
    pglite = await startPgliteApp('messages');
    app = pglite.app;
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await pglite.close();
    await sandbox.close();
  });

  const account = async (kind: string, config: Record<string, unknown>) =>
    (await ws.as.admin.post('/channel-accounts').send({ kind, name: kind, config }).expect(201)).body
      .id as string;

  it('records sent and failed outcomes in the ledger, as on PostgreSQL', async () => {
    const esms = await account('esms', sandboxEsmsConfig(sandbox));
    const sms = await ws.as.admin
      .post(`/channel-accounts/${esms}/test-message`)
      .send({ to: '0912345678', text: 'Tin nhắn thử' })
      .expect(200);
    expect(sms.body).toMatchObject({ status: 'sent', providerMessageId: expect.any(String) });
    const row = await ws.as.admin.get(`/messages/${sms.body.messageId}`).expect(200);
    expect(row.body).toMatchObject({ status: 'sent', providerMessageId: sms.body.providerMessageId });

    sandbox.addFault({ channel: 'esms', code: '99' });
    const refused = await ws.as.admin
      .post(`/channel-accounts/${esms}/test-message`)
      .send({ to: '0912345679' })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'failed', errorCode: '99' });
    sandbox.clearFaults();
    const failed = await ws.as.admin.get(`/messages/${refused.body.messageId}`).expect(200);
    expect(failed.body).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: '99' }) });

    const smtp = await account('smtp', sandboxSmtpConfig(sandbox));
    const mail = await ws.as.admin
      .post(`/channel-accounts/${smtp}/test-message`)
      .send({ to: 'lan@example.vn' })
      .expect(200);
    expect(mail.body.status).toBe('sent');
  });
});
