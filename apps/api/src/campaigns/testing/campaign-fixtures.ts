import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { signIn, TEST_PASSWORD, type TestCaller } from '../../testing/test-workspace';

/** What a workspace's campaigns are validated against: accounts, a template, an attribute, a segment, an event. */
export interface CampaignWorld {
  zaloAccountId: string;
  smsAccountId: string;
  segmentId: string;
}

export const TEMPLATE_ID = '231456';

export async function seedCampaignWorld(app: INestApplication, workspaceId: string): Promise<CampaignWorld> {
  const db = app.get(DataSource);
  const account = async (kind: string, name: string) =>
    (
      (await db.query(
        `INSERT INTO channel_accounts (workspace_id, kind, name, settings, status)
       VALUES ($1, $2, $3, '{}', 'connected') RETURNING id`,
        [workspaceId, kind, name],
      )) as Array<{ id: string }>
    )[0]!.id;
  const zaloAccountId = await account('zalo_oa', 'Loa Shop OA');
  const smsAccountId = await account('esms', 'eSMS CSKH');
  const param = (name: string, maxLength: number) => ({
    name,
    type: 'STRING',
    require: true,
    maxLength,
    minLength: 0,
    acceptNull: false,
  });
  await db.query(
    `INSERT INTO zns_templates (account_id, workspace_id, template_id, name, status, params, detail)
     VALUES ($1, $2, $3, 'Xác nhận đơn hàng', 'ENABLE', $4, '{}')`,
    [
      zaloAccountId,
      workspaceId,
      TEMPLATE_ID,
      JSON.stringify([param('customer_name', 30), param('order_code', 20)]),
    ],
  );
  await db.query(
    `INSERT INTO attribute_definitions (workspace_id, key, type) VALUES ($1, 'tier', 'string')`,
    [workspaceId],
  );
  const segment = (await db.query(
    `INSERT INTO segments (workspace_id, name, rule) VALUES ($1, 'VIP', '{"match": "all", "rules": []}')
     RETURNING id`,
    [workspaceId],
  )) as Array<{ id: string }>;
  await db.query(
    `INSERT INTO events (workspace_id, message_id, type, name, timestamp, processed_at)
     VALUES ($1, $2, 'track', 'order.created', now(), now())`,
    [workspaceId, randomUUID()],
  );
  return { zaloAccountId, smsAccountId, segmentId: segment[0]!.id };
}

/** Order confirmation: ZNS, and SMS when the ZNS fails. Valid in a workspace seeded by seedCampaignWorld. */
export function orderConfirmation(
  world: CampaignWorld,
  smsText = 'LOASHOP: Don {{ event.orderId }} da xac nhan',
) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start',
        type: 'trigger.event',
        position: { x: 0, y: 0 },
        data: { label: 'Đơn hàng mới', event: 'order.created' },
      },
      {
        id: 'zns',
        type: 'send.zns',
        position: { x: 0, y: 150 },
        data: {
          label: 'ZNS xác nhận',
          accountId: world.zaloAccountId,
          templateId: TEMPLATE_ID,
          params: { customer_name: '{{ contact.name }}', order_code: '{{ event.orderId }}' },
          purpose: 'transactional',
        },
      },
      {
        id: 'sms',
        type: 'send.sms',
        position: { x: 250, y: 300 },
        data: {
          label: 'SMS xác nhận',
          accountId: world.smsAccountId,
          brandName: 'LOASHOP',
          text: smsText,
          purpose: 'care',
        },
      },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 450 }, data: { reason: 'confirmed' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns' },
      { id: 'e2', source: 'zns', sourceHandle: 'success', target: 'done' },
      { id: 'e3', source: 'zns', sourceHandle: 'failure', target: 'sms' },
      { id: 'e4', source: 'sms', sourceHandle: 'success', target: 'done' },
    ],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };
}

/** Another admin of the workspace, signed in. */
export async function addAdmin(
  app: INestApplication,
  workspaceId: string,
): Promise<{ id: string; as: TestCaller }> {
  const db = app.get(DataSource);
  const email = `admin2-${randomUUID().slice(0, 8)}@example.test`;
  const [user] = (await db.query(
    `INSERT INTO users (email, name, password_hash) VALUES ($1, 'Second admin', $2) RETURNING id`,
    [email, await hashPassword(TEST_PASSWORD)],
  )) as Array<{ id: string }>;
  await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'admin')`, [
    workspaceId,
    user!.id,
  ]);
  return { id: user!.id, as: await signIn(app, email, TEST_PASSWORD) };
}
