import { randomUUID } from 'node:crypto';
import type { RunningSandbox } from '@loa/provider-sandbox';
import type { DataSource } from 'typeorm';
import {
  connectedSandboxOa,
  nextVietnamMorning,
  startZaloTestBed,
  type ZaloTestBed,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import type { TestWorkspace } from '../testing/test-workspace';
import type { SendMessageInput } from './send-message.types';
import { SendService } from './send.service';

describe('a send whose connection drops after the provider read it is unknown, never sent twice', () => {
  let bed: ZaloTestBed;
  let ws: TestWorkspace;
  let db: DataSource;
  let sandbox: RunningSandbox;
  let sends: SendService;
  let oaId: string;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, ws, db } = bed);
    sandbox.setNow(() => nextVietnamMorning());
    sends = bed.app.get(SendService);
    oaId = await connectedSandboxOa(bed);
  });

  afterEach(() => sandbox.clearFaults());

  afterAll(() => bed.close());

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
