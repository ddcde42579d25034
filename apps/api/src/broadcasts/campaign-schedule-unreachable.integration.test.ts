import { freePort } from '@loa/testing';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace } from '../testing/test-workspace';
import { reachedGraph } from './testing/broadcast-graphs';

describe('GET /campaigns/{id}/schedule without Temporal', () => {
  let app: INestApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('is 503 saying Temporal is unreachable, not a 500 or a false "not scheduled"', async () => {
    app = await createApp(testConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` }));
    await app.init();
    const ws = await seedTestWorkspace(app);
    const graph = reachedGraph({
      type: 'trigger.schedule',
      data: {
        audience: { kind: 'tag', tag: 'x' },
        schedule: { kind: 'recurring', cron: '0 9 * * 1' },
        timezone: 'Asia/Ho_Chi_Minh',
      },
    });
    const created = await ws.as.admin.post('/campaigns').send({ name: 'Offline', graph }).expect(201);
    const response = await ws.as.marketer.get(`/campaigns/${created.body.id as string}/schedule`).expect(503);
    expect(response.body.detail ?? response.body.title).toMatch(/Temporal is unreachable/);
  });
});
