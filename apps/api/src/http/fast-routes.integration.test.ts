import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { ValidationInterceptor } from './validation.interceptor';

describe('the ingestion routes are answered ahead of Nest, with the same rules', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  const intercepted = jest.spyOn(ValidationInterceptor.prototype, 'intercept');

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    intercepted.mockRestore();
    await app.close();
  });

  beforeEach(() => intercepted.mockClear());

  it('stores an event without passing through Nest, while other routes still do', async () => {
    const stored = await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId: `fast-${Date.now()}`, userId: 'fast-1', event: 'Fast' })
      .expect(200);
    expect(stored.body).toEqual({ success: true });
    expect(stored.headers['x-ratelimit-limit']).toBeDefined();
    expect(intercepted).not.toHaveBeenCalled();

    await ws.as.readKey.get('/contacts').expect(200);
    expect(intercepted).toHaveBeenCalled();
  });

  it('answers refusals as problem documents with the request id, as Nest routes do', async () => {
    const invalid = await ws.as.ingestKey
      .post('/v1/identify')
      .set('X-Request-Id', 'fast-route-test-1')
      .send({ traits: {} })
      .expect(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.body).toMatchObject({
      status: 422,
      instance: '/v1/identify',
      requestId: 'fast-route-test-1',
      errors: expect.arrayContaining([expect.objectContaining({ in: 'body' })]),
    });

    const wrongScope = await ws.as.readKey.post('/v1/batch').send({ batch: [] }).expect(403);
    expect(wrongScope.body.detail).toContain('scope');
    await ws.as.anonymous.post('/v1/track').send({ userId: 'x', event: 'y' }).expect(401);
    await ws.as.marketer.post('/v1/track').send({ userId: 'x', event: 'y' }).expect(403);
    expect(intercepted).not.toHaveBeenCalled();
  });

  it('leaves other methods on the same paths to Nest, which answers 404', async () => {
    const missing = await ws.as.ingestKey.get('/v1/track').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const options = await request(app.getHttpServer()).options('/v1/track').expect(404);
    expect(options.headers['content-type']).toContain('application/problem+json');
  });
});
