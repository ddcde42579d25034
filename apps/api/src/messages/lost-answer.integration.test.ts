import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestSandbox,
  TEST_PUBLIC_API_URL,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import type { SendMessageInput } from './send-message.types';
import { SendService } from './send.service';

/** The next 06:30 in Vietnam: ZNS is sent by day. */
function vietnamMorning(): number {
  const day = 86_400_000;
  const offset = 7 * 3_600_000;
  const local = Date.now() + offset;
  const today = local - (local % day) + 6 * 3_600_000 + 30 * 60_000;
  return (today > local ? today : today + day) - offset;
}

describe('a send whose connection drops after the provider read it is unknown, never sent twice', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let sandbox: RunningSandbox;
  let sends: SendService;
  let oaId: string;

  beforeAll(async () => {
    sandbox = await startZaloTestSandbox();
    sandbox.setNow(vietnamMorning);
    app = await createApp(
      testConfig({ LOA_PUBLIC_API_URL: TEST_PUBLIC_API_URL, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }),
    );
    await app.init();
    ws = await seedTestWorkspace(app);
    db = app.get(DataSource);
    sends = app.get(SendService);
    oaId = (
      await ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'zalo_oa', name: 'Zalo OA', config: sandboxZaloConfig(sandbox) })
        .expect(201)
    ).body.id as string;
    await ws.as.admin.get(await startAndConsent(ws.as.admin, oaId)).expect(200);
  });

  afterEach(() => sandbox.clearFaults());

  afterAll(async () => {
    await app.close();
    await sandbox.close();
  });

  const marketingZns = (phone: string): SendMessageInput => {
    const template = sandbox.seed.zalo[0].oas[0].templates.find((t) => t.status === 'ENABLE');
    if (!template) throw new Error('the sandbox seeds an enabled ZNS template');
    return {
      workspaceId: ws.workspaceId,
      accountId: oaId,
      idempotencyKey: `lost-answer:${randomUUID()}`,
      purpose: 'marketing',
      to: phone,
      content: {
        channel: 'zns',
        templateId: template.templateId,
        templateData: Object.fromEntries(template.params.map((param) => [param.name, 'DH2048'])),
      },
    };
  };

  it('marketing ZNS: Zalo sends it, the connection resets, the row is unknown and a retry sends nothing', async () => {
    const phone = '84900000071';
    sandbox.addFault({ channel: 'zns', recipients: [phone], code: 'reset' });
    const marketing = marketingZns(phone);
    const calls = sandbox.requestCount('/zns/message/template');

    expect(await sends.send(marketing)).toMatchObject({ status: 'failed', errorCode: 'loa_outcome_unknown' });
    const [row] = (await db.query(
      `SELECT status, recovery, error_class, error_code FROM messages WHERE workspace_id = $1 AND idempotency_key = $2`,
      [ws.workspaceId, marketing.idempotencyKey],
    )) as Array<Record<string, unknown>>;
    expect(row).toEqual({
      status: 'unknown',
      recovery: 'not_resent',
      error_class: 'outcome_unknown',
      error_code: 'UND_ERR_SOCKET',
    });

    sandbox.clearFaults();
    expect(await sends.send(marketing)).toMatchObject({ status: 'failed', errorCode: 'loa_outcome_unknown' });
    expect(sandbox.requestCount('/zns/message/template')).toBe(calls + 1);
    expect(sandbox.inbox({ channel: 'zns', recipient: phone })).toHaveLength(1);
  });
});
