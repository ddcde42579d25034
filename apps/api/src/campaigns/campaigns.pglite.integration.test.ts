import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startPgliteApp } from '../testing/pglite-app';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { orderConfirmation, seedCampaignWorld, type CampaignWorld } from './testing/campaign-fixtures';

/** The development database is embedded PGlite: the campaign migrations and statements must run there too. */
describe('campaigns on PGlite', () => {
  let pglite: Awaited<ReturnType<typeof startPgliteApp>>;
  let app: INestApplication;
  let ws: TestWorkspace;
  let world: CampaignWorld;

  beforeAll(async () => {
    pglite = await startPgliteApp('campaigns');
    app = pglite.app;
    ws = await seedTestWorkspace(app);
    world = await seedCampaignWorld(app, ws.workspaceId);
  });
  afterAll(async () => pglite.close());

  it('saves with revisions, submits, approves into an immutable version, pauses and stops', async () => {
    const created = await ws.as.marketer
      .post('/campaigns')
      .send({ name: 'Đơn hàng', graph: orderConfirmation(world) })
      .expect(201);
    const id = created.body.id as string;
    const graph = orderConfirmation(world, 'Chào {{ contact.phone }}');
    await ws.as.marketer.put(`/campaigns/${id}/draft`).send({ revision: 1, graph }).expect(200);
    await ws.as.marketer.put(`/campaigns/${id}/draft`).send({ revision: 1, graph }).expect(409);
    await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200);
    const approved = await ws.as.admin.post(`/campaigns/${id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ created: true, campaign: { state: 'active' } });
    await expect(
      app.get(DataSource).query(`UPDATE campaign_versions SET hash = 'x' WHERE campaign_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await ws.as.admin.post(`/campaigns/${id}/pause`).expect(200, /"state":"paused"/);
    await ws.as.admin.post(`/campaigns/${id}/stop`).expect(200, /"state":"stopped"/);
    const audit = await ws.as.analyst.get(`/campaigns/${id}/audit`).expect(200);
    expect(audit.body.items).toHaveLength(7);
  });
});
