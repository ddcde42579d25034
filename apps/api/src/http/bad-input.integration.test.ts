import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

describe('input the database cannot store answers 4xx naming the field, never 500', () => {
  let app: INestApplication;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    workspace = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['a NUL in a body string', '/contacts', { name: 'a\u0000b' }, 'name'],
    ['a NUL in a nested body string', '/contacts', { attributes: { note: 'a\u0000b' } }, 'attributes.note'],
    [
      'a lone surrogate in a nested body string',
      '/contacts',
      { attributes: { note: 'a\ud800' } },
      'attributes.note',
    ],
    ['a NUL in an API key name', '/api-keys', { name: 'key\u0000', scope: 'read' }, 'name'],
  ])('%s', async (_label, path, body, field) => {
    const response = await workspace.as.admin.post(path).send(body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'body', field })]);
  });

  it('a NUL in a query parameter', async () => {
    const response = await workspace.as.admin.get('/contacts?q=a%00b');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'query', field: 'q' })]);
  });

  it('a body nested deeper than anyone needs', async () => {
    const deep = `{"attributes":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const response = await workspace.as.admin
      .post('/contacts')
      .set('Content-Type', 'application/json')
      .send(deep);
    // Refused by the JSON parser before it builds anything (JSON deeper than 100 levels).
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('nests deeper than');
  });

  it('answers a body that is not JSON with 415 instead of reading it as empty', async () => {
    const response = await workspace.as.admin
      .post('/contacts')
      .set('Content-Type', 'text/plain')
      .send('{"name":"Mai"}');
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const listed = await workspace.as.admin.get('/contacts').expect(200);
    expect(listed.body.items).toEqual([]);
  });

  it('answers an ingested event timed in year 0 with 422 naming timestamp', async () => {
    const response = await workspace.as.ingestKey
      .post('/v1/track')
      .send({ userId: 'u-1', event: 'Old', messageId: 'year-0', timestamp: '0000-01-01T00:00:00Z' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ in: 'body', field: 'timestamp' })]);
  });
});
