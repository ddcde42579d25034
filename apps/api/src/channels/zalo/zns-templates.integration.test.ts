import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import { seedTestWorkspace, type TestWorkspace } from '../../testing/test-workspace';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';
import { ZnsTemplatesService } from './zns-templates.service';

describe('ZNS templates synced per OA', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;
  let connected: string;
  let waiting: string;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws } = bed);
    other = await seedTestWorkspace(app, 'Other workspace');
    db = app.get(DataSource);
    const create = async (name: string) =>
      (
        await ws.as.admin
          .post('/channel-accounts')
          .send({ kind: 'zalo_oa', name, config: sandboxZaloConfig(sandbox) })
          .expect(201)
      ).body.id as string;
    connected = await create('Connected OA');
    waiting = await create('Waiting OA');
    await ws.as.admin.get(await startAndConsent(ws.as.admin, connected)).expect(200);
  });

  afterAll(() => bed.close());

  const seeded = () => sandbox.seed.zalo[0]!.oas[0]!.templates;
  const storedIds = async (accountId: string) =>
    (
      (await db.query(`SELECT template_id FROM zns_templates WHERE account_id = $1 ORDER BY template_id`, [
        accountId,
      ])) as Array<{ template_id: string }>
    ).map((row) => row.template_id);

  it('on demand: every template Zalo lists is stored again, one Zalo no longer lists is removed', async () => {
    await db.query(`DELETE FROM zns_templates WHERE account_id = $1 AND template_id = '300002'`, [connected]);
    await db.query(
      `INSERT INTO zns_templates (account_id, workspace_id, template_id, name, status, detail)
       VALUES ($1, $2, '999999', 'Gone', 'ENABLE', '{}')`,
      [connected, ws.workspaceId],
    );
    const synced = await ws.as.admin.post(`/channel-accounts/${connected}/zns-templates/sync`).expect(200);
    expect(synced.body).toEqual({ ok: true, templates: seeded().length });
    expect(await storedIds(connected)).toEqual(
      seeded()
        .map((t) => t.templateId)
        .sort(),
    );
    const [account] = await db.query(
      `SELECT zns_templates_synced_at, zns_templates_sync_error FROM channel_accounts WHERE id = $1`,
      [connected],
    );
    expect(account).toMatchObject({
      zns_templates_synced_at: expect.any(Date),
      zns_templates_sync_error: null,
    });
  });

  it('syncTemplate reads one template again (for the change_template_status webhook)', async () => {
    await db.query(
      `UPDATE zns_templates SET status = 'PENDING_REVIEW', params = '[]' WHERE account_id = $1 AND template_id = '300002'`,
      [connected],
    );
    expect(await app.get(ZnsTemplatesService).syncTemplate(connected, '300002')).toEqual({
      ok: true,
      templates: 1,
    });
    const template = seeded().find((t) => t.templateId === '300002')!;
    const [row] = await db.query(
      `SELECT status, params FROM zns_templates WHERE account_id = $1 AND template_id = '300002'`,
      [connected],
    );
    expect(row.status).toBe(template.status);
    expect(row.params).toHaveLength(template.params.length);
  });

  it('an OA that is not connected: the sync answers why, records it, and keeps what was stored', async () => {
    const synced = await ws.as.admin.post(`/channel-accounts/${waiting}/zns-templates/sync`).expect(200);
    expect(synced.body).toMatchObject({ ok: false, detail: expect.stringMatching(/not connected/) });
    const [account] = await db.query(`SELECT zns_templates_sync_error FROM channel_accounts WHERE id = $1`, [
      waiting,
    ]);
    expect(account.zns_templates_sync_error).toMatch(/not connected/);
    expect((await ws.as.analyst.get(`/templates/zns?accountId=${waiting}`).expect(200)).body.items).toEqual(
      [],
    );
  });

  it('the schedule syncs every connected OA and leaves the others', async () => {
    await db.query(`DELETE FROM zns_templates WHERE account_id = $1`, [connected]);
    await db.query(`UPDATE channel_accounts SET zns_templates_sync_error = 'before' WHERE id = $1`, [
      waiting,
    ]);
    await app.get(ZnsTemplatesService).syncEveryConnectedOa();
    expect(await storedIds(connected)).toEqual(
      seeded()
        .map((t) => t.templateId)
        .sort(),
    );
    const [account] = await db.query(`SELECT zns_templates_sync_error FROM channel_accounts WHERE id = $1`, [
      waiting,
    ]);
    expect(account.zns_templates_sync_error).toBe('before');
  });

  it("listing and reading templates never opens the account's secrets (only a sync needs them)", async () => {
    const sealed = async () =>
      (
        (await db.query(`SELECT secrets_key_id FROM channel_accounts WHERE id = $1`, [waiting])) as Array<{
          secrets_key_id: string;
        }>
      )[0]!.secrets_key_id;
    const keyId = await sealed();
    await db.query(
      `INSERT INTO zns_templates (account_id, workspace_id, template_id, name, status, detail)
       VALUES ($1, $2, '777001', 'Đơn hàng', 'ENABLE', '{}')`,
      [waiting, ws.workspaceId],
    );
    // Sealed under a key this API does not have: opening them would fail.
    await db.query(`UPDATE channel_accounts SET secrets_key_id = 'retired-key' WHERE id = $1`, [waiting]);
    try {
      const listed = await ws.as.analyst.get(`/templates/zns?accountId=${waiting}`).expect(200);
      expect(listed.body.items.map((t: { templateId: string }) => t.templateId)).toEqual(['777001']);
      await ws.as.readKey.get(`/templates/zns/777001?accountId=${waiting}`).expect(200);
      await other.as.admin.get(`/templates/zns?accountId=${waiting}`).expect(404);
    } finally {
      await db.query(`UPDATE channel_accounts SET secrets_key_id = $2 WHERE id = $1`, [waiting, keyId]);
      await db.query(`DELETE FROM zns_templates WHERE account_id = $1`, [waiting]);
    }
  });

  it('listing templates of an account that is not a Zalo OA answers 409', async () => {
    const sms = await ws.as.admin
      .post('/channel-accounts')
      .send({
        kind: 'speedsms',
        name: 'SpeedSMS',
        config: { accessToken: 'speedsms-token', sender: 'LOA', smsType: 3, baseUrl: sandbox.urls.speedsms },
      })
      .expect(201);
    await ws.as.analyst.get(`/templates/zns?accountId=${sms.body.id}`).expect(409);
  });

  it('reading is for every role and key of the workspace; syncing is for admins; other workspaces get 404', async () => {
    await ws.as.readKey.get(`/templates/zns?accountId=${connected}`).expect(200);
    await ws.as.analyst.get('/templates/zns').expect(422);
    await ws.as.analyst.post(`/channel-accounts/${connected}/zns-templates/sync`).expect(403);
    await other.as.admin.get(`/templates/zns?accountId=${connected}`).expect(404);
    await other.as.admin.get(`/templates/zns/300002?accountId=${connected}`).expect(404);
    await other.as.admin.post(`/channel-accounts/${connected}/zns-templates/sync`).expect(404);
    await ws.as.admin.get(`/templates/zns/424242?accountId=${connected}`).expect(404);
  });
});
