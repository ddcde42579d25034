import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import type { TestWorkspace } from '../../testing/test-workspace';
import { ZaloAccess } from './zalo-access.service';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';

describe("a Zalo OA account whose app or OA changes loses the old OA's grant", () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws, db } = bed);
  });

  afterAll(() => bed.close());

  let names = 0;
  async function connectedOa(): Promise<string> {
    names += 1;
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'zalo_oa', name: `Changing OA ${names}`, config: sandboxZaloConfig(sandbox) })
      .expect(201);
    const id = created.body.id as string;
    await ws.as.admin.get(await startAndConsent(ws.as.admin, id)).expect(200);
    expect(await db.query(`SELECT 1 FROM zns_templates WHERE account_id = $1`, [id])).not.toEqual([]);
    return id;
  }

  const zaloRequests = () =>
    ['/v2.0/oa/getoa', '/v3.0/oa/quota/message'].reduce(
      (sum, path) => sum + sandbox.requestCount(`${new URL(sandbox.urls.zaloOa).pathname}${path}`),
      0,
    ) + sandbox.requestCount('/zalo-oauth/v4/oa/access_token');

  it.each([
    ['oaId', { oaId: '2000000000000000099' }],
    ['appId', { appId: '1000000000000000099' }],
  ])(
    'changing %s: the old tokens and templates are gone; test, sync and token access answer not connected without calling Zalo',
    async (_field, change) => {
      const id = await connectedOa();
      const changed = await ws.as.admin
        .patch(`/channel-accounts/${id}`)
        .send({ config: { ...sandboxZaloConfig(sandbox), ...change } })
        .expect(200);
      expect(changed.body).toMatchObject({ status: 'not_connected' });
      expect(await db.query(`SELECT 1 FROM zalo_oa_tokens WHERE account_id = $1`, [id])).toEqual([]);
      expect(await db.query(`SELECT 1 FROM zns_templates WHERE account_id = $1`, [id])).toEqual([]);
      const before = zaloRequests();

      const tested = await ws.as.admin.post(`/channel-accounts/${id}/test`).expect(200);
      expect(tested.body.lastTest).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/not connected/),
      });
      const synced = await ws.as.admin.post(`/channel-accounts/${id}/zns-templates/sync`).expect(200);
      expect(synced.body).toMatchObject({ ok: false, detail: expect.stringMatching(/not connected/) });
      expect(
        await app.get(ZaloAccess).withAccessToken(ws.workspaceId, id, async () => 'called'),
      ).toMatchObject({ ok: false, kind: 'not_connected' });
      expect(zaloRequests()).toBe(before);
      expect((await ws.as.analyst.get(`/templates/zns?accountId=${id}`).expect(200)).body.items).toEqual([]);
    },
  );

  it('a stored pair is handed out only while the account is connected', async () => {
    const id = await connectedOa();
    const access = app.get(ZaloAccess);
    expect(await access.withAccessToken(ws.workspaceId, id, async () => 'called')).toEqual({
      ok: true,
      value: 'called',
    });
    await db.query(`UPDATE channel_accounts SET status = 'not_connected' WHERE id = $1`, [id]);
    expect(await access.withAccessToken(ws.workspaceId, id, async () => 'called')).toMatchObject({
      ok: false,
      kind: 'not_connected',
    });
  });

  it('a change that keeps the app and the OA keeps the connection', async () => {
    const id = await connectedOa();
    const renamed = await ws.as.admin
      .patch(`/channel-accounts/${id}`)
      .send({
        name: `Renamed OA ${id}`,
        config: { ...sandboxZaloConfig(sandbox), webhookSecret: 'another-webhook-secret' },
      })
      .expect(200);
    expect(renamed.body).toMatchObject({ status: 'connected' });
    const tested = await ws.as.admin.post(`/channel-accounts/${id}/test`).expect(200);
    expect(tested.body.lastTest).toMatchObject({ ok: true });
  });
});
