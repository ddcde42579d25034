import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

describe('which content types carry a JSON body', () => {
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

  it('reads JSON sent as text/plain on the Segment routes, as analytics.js sends it', async () => {
    const body = JSON.stringify({
      messageId: `plain-${Date.now()}`,
      userId: 'u-plain',
      event: 'page_opened',
    });
    const response = await ws.as.ingestKey
      .post('/v1/track')
      .set('Content-Type', 'text/plain;charset=UTF-8')
      .send(body);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ success: true }));
  });

  it('refuses text/plain on the other JSON routes with 415', async () => {
    const response = await ws.as.marketer
      .post('/contacts')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ name: 'Nguyễn Văn A' }));
    expect(response.status).toBe(415);
  });

  it('reads application/*+json as JSON', async () => {
    await ws.as.marketer
      .post('/contacts')
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ name: 'Trần Thị B', phone: '0903 111 222' }))
      .expect(201);
  });
});
