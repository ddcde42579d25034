import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { request } from 'undici';
import { startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { seededSecret } from './seeded-secret';
import { takeSecretSightings } from './secret-watch';
import { testConfig } from './test-config';
import { seedTestWorkspace, type TestWorkspace } from './test-workspace';

describe('the secret watch sees a seeded secret in any response or log line', () => {
  let app: INestApplication;
  let ws: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('sees one echoed in a response body, and one in a log line', async () => {
    const secret = seededSecret('echo');
    const echoed = await ws.as.admin.get(`/no-such-route/${secret}`);
    new Logger('Test').error(`leaked ${secret}`);
    const seen = takeSecretSightings();
    expect(echoed.status).toBe(404);
    expect(seen.map((sighting) => sighting.where)).toEqual(expect.arrayContaining(['stderr']));
    expect(seen.some((sighting) => sighting.where === 'http response')).toBe(true);
  });

  it('sees a Zalo token the provider sandbox minted, though the sandbox handing it out is no leak', async () => {
    const sandbox = await startZaloTestSandbox();
    try {
      const zaloApp = sandbox.seed.zalo[0];
      const minted = await request(`${sandbox.urls.zaloOauth}/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: zaloApp.secretKey },
        body: new URLSearchParams({
          app_id: zaloApp.appId,
          grant_type: 'refresh_token',
          refresh_token: zaloApp.oas[0].refreshToken,
        }).toString(),
      });
      const pair = (await minted.body.json()) as { access_token: string; refresh_token: string };
      expect(pair.access_token).toEqual(expect.any(String));
      expect(takeSecretSightings()).toEqual([]);

      const echoed = await ws.as.admin.get(`/no-such-route/${pair.access_token}`);
      new Logger('Test').error(`leaked ${pair.refresh_token}`);
      const seen = takeSecretSightings();
      expect(echoed.status).toBe(404);
      expect(seen.map((sighting) => sighting.where)).toEqual(
        expect.arrayContaining(['http response', 'stderr']),
      );
    } finally {
      await sandbox.close();
    }
  });

  it('sees nothing when secrets stay where they belong', async () => {
    const secret = seededSecret('esms');
    await ws.as.admin
      .post('/channel-accounts')
      .send({
        kind: 'esms',
        name: 'Watched',
        config: { apiKey: secret, secretKey: secret, brandname: 'X', smsType: 'care' },
      })
      .expect(201);
    await ws.as.admin.get('/channel-accounts').expect(200);
    expect(takeSecretSightings()).toEqual([]);
  });
});
