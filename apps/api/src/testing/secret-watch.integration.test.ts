import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
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
