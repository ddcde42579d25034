import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';

describe('errors are RFC 9457 problem documents with the request id', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await request(app.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toEqual(
      expect.objectContaining({
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        requestId: expect.any(String),
      }),
    );
  });

  it('answers a body over the limit with 413', async () => {
    const response = await request(app.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body.status).toBe(413);
  });

  it('answers an unknown route with 404 naming it', async () => {
    const response = await request(app.getHttpServer()).get('/no-such-thing').expect(404);
    expect(response.body.detail).toBe('There is no route GET /no-such-thing');
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'req-12345678');
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await request(app.getHttpServer()).get('/health/live').set('X-Request-Id', 'bad id!');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await request(app.getHttpServer()).get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
