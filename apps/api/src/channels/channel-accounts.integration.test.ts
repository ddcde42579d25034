import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { seededSecret } from '../testing/seeded-secret';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { ChannelAccountsService } from './channel-accounts.service';

const ESMS_API_KEY = seededSecret('esms-api-key');
const ESMS_SECRET = seededSecret('esms-secret');
const ROTATED = seededSecret('rotated');
const ZALO_SECRET = seededSecret('zalo-app');
const esmsConfig = (overrides: Record<string, unknown> = {}) => ({
  apiKey: ESMS_API_KEY,
  secretKey: ESMS_SECRET,
  brandname: 'SHOPHOA',
  smsType: 'care',
  sandbox: true,
  ...overrides,
});

describe('channel accounts keep their secrets sealed and never show them', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;

  beforeAll(async () => {
    // Every log line is written (and watched for the seeded secrets, see testing/secret-watch.ts).
    app = await createApp(testConfig({ LOA_LOG_LEVEL: 'debug' }));
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const createEsms = (name: string, config = esmsConfig()) =>
    ws.as.admin.post('/channel-accounts').send({ kind: 'esms', name, config });

  it('stores an eSMS account with its secrets encrypted, and answers without them', async () => {
    const created = await createEsms('eSMS CSKH').expect(201);
    expect(JSON.stringify(created.body)).not.toContain(ESMS_API_KEY);
    expect(JSON.stringify(created.body)).not.toContain(ESMS_SECRET);
    expect(created.body).toMatchObject({
      kind: 'esms',
      name: 'eSMS CSKH',
      channels: ['sms'],
      status: 'connected',
      disabled: false,
      testing: true,
      secretsSet: ['apiKey', 'secretKey'],
      settings: { brandname: 'SHOPHOA', smsType: 'care', sandbox: true },
    });
    expect(created.body.settings.baseUrl).toBeDefined();

    const [row] = await db.query(`SELECT * FROM channel_accounts WHERE id = $1`, [created.body.id]);
    expect(JSON.stringify(row)).not.toContain(ESMS_API_KEY);
    expect(JSON.stringify(row)).not.toContain(ESMS_SECRET);
    expect(row.secrets_key_id).toMatch(/^[0-9a-f]{16}$/);

    const forSending = await app.get(ChannelAccountsService).forSending(ws.workspaceId, created.body.id);
    expect(forSending.config).toMatchObject({
      apiKey: ESMS_API_KEY,
      secretKey: ESMS_SECRET,
      brandname: 'SHOPHOA',
    });

    expect(created.body.webhookUrl).toContain('token=');
    const asReader = await ws.as.analyst.get(`/channel-accounts/${created.body.id}`).expect(200);
    expect(asReader.body.webhookUrl).toBe(created.body.webhookUrl.replace(/\?token=[^&]*$/, ''));
    const listed = await ws.as.marketer.get('/channel-accounts').expect(200);
    const mine = listed.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(mine.webhookUrl).not.toContain('token=');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(ESMS_SECRET);
  });

  it('names each bad field of the configuration without echoing the values', async () => {
    const refused = await createEsms(
      'Bad',
      esmsConfig({ brandname: 'A-VERY-LONG-BRAND', smsType: 'spam' }),
    ).expect(422);
    const fields = refused.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['config.brandname', 'config.smsType']));
    expect(JSON.stringify(refused.body)).not.toContain(ESMS_SECRET);
    await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'carrier-pigeon', name: 'x', config: {} })
      .expect(422);
  });

  it('keeps stored secrets when a change leaves them out, and replaces them when given', async () => {
    const created = await createEsms('eSMS QC').expect(201);
    const { apiKey: _apiKey, secretKey: _secretKey, ...withoutSecrets } = esmsConfig({ brandname: 'HOA' });
    const renamed = await ws.as.admin
      .patch(`/channel-accounts/${created.body.id}`)
      .send({ name: 'eSMS QC 2', config: withoutSecrets })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'eSMS QC 2', settings: { brandname: 'HOA' } });
    const service = app.get(ChannelAccountsService);
    expect((await service.forSending(ws.workspaceId, created.body.id)).config.secretKey).toBe(ESMS_SECRET);

    await ws.as.admin
      .patch(`/channel-accounts/${created.body.id}`)
      .send({ config: { ...withoutSecrets, secretKey: ROTATED } })
      .expect(200);
    expect((await service.forSending(ws.workspaceId, created.body.id)).config).toMatchObject({
      apiKey: ESMS_API_KEY,
      secretKey: ROTATED,
    });

    const disabled = await ws.as.admin
      .patch(`/channel-accounts/${created.body.id}`)
      .send({ disabled: true })
      .expect(200);
    expect(disabled.body.disabled).toBe(true);
    const taken = await ws.as.admin
      .patch(`/channel-accounts/${created.body.id}`)
      .send({ name: 'eSMS CSKH' })
      .expect(409);
    expect(taken.body.errors[0].field).toBe('name');
  });

  it('carries secrets over only while the account keeps its address: a new one needs them again', async () => {
    const created = await createEsms('eSMS moved').expect(201);
    const { apiKey: _apiKey, secretKey: _secretKey, ...withoutSecrets } = esmsConfig();
    const elsewhere = { ...withoutSecrets, baseUrl: 'https://collector.example.test/json' };
    const refused = await ws.as.admin
      .patch(`/channel-accounts/${created.body.id}`)
      .send({ config: elsewhere })
      .expect(422);
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'config.apiKey',
      'config.secretKey',
    ]);
    const service = app.get(ChannelAccountsService);
    expect((await service.forSending(ws.workspaceId, created.body.id)).config.baseUrl).not.toBe(
      elsewhere.baseUrl,
    );
    const given = seededSecret('esms-moved');
    await ws.as.admin
      .patch(`/channel-accounts/${created.body.id}`)
      .send({ config: { ...elsewhere, apiKey: given, secretKey: given } })
      .expect(200);
    expect((await service.forSending(ws.workspaceId, created.body.id)).config).toMatchObject({
      baseUrl: elsewhere.baseUrl,
      apiKey: given,
    });
  });

  it('waits for the OAuth grant of a Zalo OA, and shows its development mode as testing', async () => {
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({
        kind: 'zalo_oa',
        name: 'Shop Hoa OA',
        config: {
          appId: '1234',
          appSecret: ZALO_SECRET,
          oaId: '5678',
          webhookSecret: seededSecret('zalo-hook'),
          znsMode: 'development',
        },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'not_connected',
      testing: true,
      channels: ['zns', 'zalo_oa'],
      secretsSet: ['appSecret', 'webhookSecret'],
    });
    expect(JSON.stringify(created.body)).not.toContain(ZALO_SECRET);
  });

  it("answers 404 for another workspace's account", async () => {
    const created = await createEsms('Private').expect(201);
    await other.as.admin.get(`/channel-accounts/${created.body.id}`).expect(404);
    await other.as.admin.patch(`/channel-accounts/${created.body.id}`).send({ name: 'mine' }).expect(404);
    await other.as.admin.delete(`/channel-accounts/${created.body.id}`).expect(404);
  });

  it('deletes an account that never sent, and keeps one that has messages in the ledger', async () => {
    const unused = await createEsms('Unused').expect(201);
    await ws.as.admin.delete(`/channel-accounts/${unused.body.id}`).expect(204);
    await ws.as.admin.get(`/channel-accounts/${unused.body.id}`).expect(404);

    const used = await createEsms('Used').expect(201);
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, status)
       VALUES ($1, 'k-1', 'sms', 'marketing', $2, 'sent')`,
      [ws.workspaceId, used.body.id],
    );
    const kept = await ws.as.admin.delete(`/channel-accounts/${used.body.id}`).expect(409);
    expect(kept.body.detail).toContain('disable');
  });

  it("shows the provider's default send rate beside the account's own, which an admin sets, clears and must keep in range", async () => {
    const created = await createEsms('Rated').expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ sendRatePerSecond: null, defaultSendRatePerSecond: 30 });

    const set = await ws.as.admin
      .patch(`/channel-accounts/${id}`)
      .send({ sendRatePerSecond: 2.5 })
      .expect(200);
    expect(set.body).toMatchObject({ sendRatePerSecond: 2.5, defaultSendRatePerSecond: 30 });
    expect((await ws.as.admin.get(`/channel-accounts/${id}`).expect(200)).body.sendRatePerSecond).toBe(2.5);

    for (const wrong of [0, -1, 0.0004, 10_001, '5']) {
      const refused = await ws.as.admin
        .patch(`/channel-accounts/${id}`)
        .send({ sendRatePerSecond: wrong })
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'sendRatePerSecond' })]);
    }
    await ws.as.marketer.patch(`/channel-accounts/${id}`).send({ sendRatePerSecond: 9 }).expect(403);
    expect((await ws.as.admin.get(`/channel-accounts/${id}`).expect(200)).body.sendRatePerSecond).toBe(2.5);

    const cleared = await ws.as.admin
      .patch(`/channel-accounts/${id}`)
      .send({ sendRatePerSecond: null })
      .expect(200);
    expect(cleared.body.sendRatePerSecond).toBeNull();
  });
});
