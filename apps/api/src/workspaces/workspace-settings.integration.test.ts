import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { CohortStarter } from '../enrollment/cohort-starter.service';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

describe('workspace settings: quiet hours and frequency caps that new campaigns start with', () => {
  let app: INestApplication;
  let ws: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_LOGIN_RATE_LIMIT: '10000' }));
    await app.init();
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const caps = [{ channel: 'sms', max: 2, per: { amount: 1, unit: 'days' } }];

  it('saves them, answers them on GET, and a new campaign starts with them', async () => {
    const fresh = await ws.as.analyst.get('/workspace').expect(200);
    expect(fresh.body).toMatchObject({ quietHours: null, frequencyCaps: [] });

    const saved = await ws.as.admin
      .patch('/workspace')
      .send({ timezone: 'Asia/Bangkok', quietHours: { start: '21:00', end: '08:00' }, frequencyCaps: caps })
      .expect(200);
    expect(saved.body).toMatchObject({
      timezone: 'Asia/Bangkok',
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCaps: caps,
    });

    const campaign = await ws.as.marketer
      .post('/campaigns')
      .send({ name: 'Inherits the defaults' })
      .expect(201);
    const draft = await ws.as.marketer.get(`/campaigns/${campaign.body.id}/draft`).expect(200);
    expect(draft.body.graph.settings).toEqual({
      timezone: 'Asia/Bangkok',
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCaps: caps,
    });

    const cleared = await ws.as.admin.patch('/workspace').send({ quietHours: null }).expect(200);
    expect(cleared.body).toMatchObject({ quietHours: null, frequencyCaps: caps, timezone: 'Asia/Bangkok' });
  });

  it('answers 422 naming the field for a bad value, and refuses non-admins', async () => {
    const badHours = await ws.as.admin
      .patch('/workspace')
      .send({ quietHours: { start: '25:00', end: '08:00' } })
      .expect(422);
    expect(badHours.body.errors).toContainEqual(
      expect.objectContaining({ in: 'body', field: 'quietHours.start' }),
    );
    const badCap = await ws.as.admin
      .patch('/workspace')
      .send({ frequencyCaps: [{ channel: 'sms', max: 0, per: { amount: 1, unit: 'days' } }] })
      .expect(422);
    expect(badCap.body.errors).toContainEqual(
      expect.objectContaining({ in: 'body', field: 'frequencyCaps.0.max' }),
    );
    await ws.as.marketer.patch('/workspace').send({ approvalRequired: false }).expect(403);
  });

  it('runs broadcasts of 1,000 contacts and more as cohorts of 1,000 by default; admins change both, within bounds', async () => {
    const fresh = await ws.as.analyst.get('/workspace').expect(200);
    expect(fresh.body).toMatchObject({ cohortThreshold: 1000, cohortSize: 1000 });
    const saved = await ws.as.admin
      .patch('/workspace')
      .send({ cohortThreshold: 5000, cohortSize: 250 })
      .expect(200);
    expect(saved.body).toMatchObject({ cohortThreshold: 5000, cohortSize: 250 });
    for (const [field, value] of [
      ['cohortSize', 0],
      ['cohortSize', 2001],
      ['cohortThreshold', 0],
      ['cohortThreshold', 100_001],
    ] as const) {
      const refused = await ws.as.admin
        .patch('/workspace')
        .send({ [field]: value })
        .expect(422);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ in: 'body', field }));
    }
    await ws.as.marketer.patch('/workspace').send({ cohortSize: 100 }).expect(403);
    expect((await ws.as.admin.get('/workspace').expect(200)).body).toMatchObject({
      cohortThreshold: 5000,
      cohortSize: 250,
    });
  });

  it('runs a broadcast that sends advertising SMS from an eSMS advertising account as cohorts whatever its size', async () => {
    const account = (smsType: string) =>
      ws.as.admin
        .post('/channel-accounts')
        .send({
          kind: 'esms',
          name: `eSMS ${smsType}`,
          config: {
            apiKey: 'esms-api-key',
            secretKey: 'esms-secret-key',
            brandname: 'SHOPHOA',
            smsType,
            baseUrl: 'http://127.0.0.1:9/esms',
          },
        })
        .expect(201)
        .then((created) => created.body.id as string);
    const [advertising, care] = [await account('advertising'), await account('care')];
    const cohorts = app.get(CohortStarter);
    await ws.as.admin.patch('/workspace').send({ cohortSize: 10 }).expect(200);
    expect(await cohorts.runSettings(ws.workspaceId, [advertising])).toMatchObject({ cohortSize: 30 });
    await ws.as.admin.patch('/workspace').send({ cohortThreshold: 5000, cohortSize: 250 }).expect(200);
    expect(await cohorts.runSettings(ws.workspaceId, [care])).toEqual({
      cohortThreshold: 5000,
      cohortSize: 250,
    });
    expect(await cohorts.runSettings(ws.workspaceId, [care, advertising])).toEqual({
      cohortThreshold: 1,
      cohortSize: 250,
    });
    // Another workspace's account decides nothing here.
    const other = await seedTestWorkspace(app, 'Other workspace');
    expect(await cohorts.runSettings(other.workspaceId, [advertising])).toMatchObject({
      cohortThreshold: 1000,
    });
  });
});
