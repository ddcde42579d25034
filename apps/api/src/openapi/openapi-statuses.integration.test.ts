import { RequestMethod } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../create-app';
import { routeTable } from '../http/route-table';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

type Operations = Record<string, Record<string, { responses: Record<string, unknown> }>>;

describe('the OpenAPI document states the success status each route answers', () => {
  let app: INestApplication;
  let workspace: TestWorkspace;
  let paths: Operations;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    workspace = await seedTestWorkspace(app);
    paths = (await request(app.getHttpServer()).get('/openapi.json').expect(200)).body.paths;
  });

  afterAll(async () => {
    await app.close();
  });

  const successCodes = (path: string, method: string) =>
    Object.keys(paths[path]?.[method]?.responses ?? {}).filter((code) => code.startsWith('2'));

  it('documents 200 for sign-in, which answers 200', async () => {
    const users = workspace.users.admin;
    await request(app.getHttpServer())
      .post('/auth/login')
      .send({ email: users.email, password: users.password })
      .expect(200);
    expect(successCodes('/auth/login', 'post')).toEqual(['200']);
  });

  it('documents for every route the status Nest sends', () => {
    for (const route of routeTable(app)) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const method = route.method.toLowerCase();
      const sent = route.httpCode ?? (route.method === RequestMethod[RequestMethod.POST] ? 201 : 200);
      expect({ route: `${route.method} ${route.path}`, codes: successCodes(path, method) }).toEqual({
        route: `${route.method} ${route.path}`,
        codes: [String(sent)],
      });
    }
  });
});
