import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { routeTable, type RouteEntry } from '../http/route-table';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, signIn, TEST_PASSWORD, type TestWorkspace } from '../testing/test-workspace';
import type { AccessRule } from './access';

type CallerName = keyof TestWorkspace['as'];
const CALLERS: CallerName[] = [
  'anonymous',
  'admin',
  'marketer',
  'analyst',
  'ingestKey',
  'readKey',
  'writeKey',
];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that end or change the caller's own session get a fresh session per call. */
const SESSION_CHANGING = new Set(['POST /auth/logout', 'POST /auth/password', 'POST /auth/workspace']);

function admits(access: AccessRule, caller: CallerName): boolean {
  if (access.public) return true;
  switch (caller) {
    case 'anonymous':
      return false;
    case 'admin':
    case 'marketer':
    case 'analyst':
      return access.roles.includes(caller);
    case 'ingestKey':
      return access.keyScopes.includes('ingest');
    case 'readKey':
      return access.keyScopes.includes('read');
    case 'writeKey':
      return access.keyScopes.includes('write');
  }
}

function concretePath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, () => randomUUID());
}

describe('every route declares who may call it, and the guard enforces exactly that', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let routes: RouteEntry[];

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_LOGIN_RATE_LIMIT: '10000' }));
    await app.init();
    ws = await seedTestWorkspace(app);
    routes = routeTable(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds the application routes', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'GET /auth/me',
        'POST /api-keys',
        'PATCH /users/:id',
        'GET /health',
      ]),
    );
  });

  it('has an access declaration on every route', () => {
    const undeclared = routes.filter((route) => !route.spec).map((route) => `${route.method} ${route.path}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps the role rules: analysts change nothing, only admins manage people, keys, channels and secrets, ingest keys only ingest', () => {
    for (const route of routes) {
      const access = route.spec!.access;
      const name = `${route.method} ${route.path}`;
      const changes = !SAFE.has(route.method) && !route.spec!.readOnly;
      if (changes && !access.public && access.name !== 'signedIn')
        expect({ name, analyst: access.roles.includes('analyst') }).toEqual({ name, analyst: false });
      if (/^\/(users|api-keys|channels|secrets)(\/|$)/.test(route.path))
        expect({ name, roles: access.roles, keys: access.keyScopes }).toEqual({
          name,
          roles: ['admin'],
          keys: [],
        });
      if (access.keyScopes.includes('ingest'))
        expect({ name, access: access.name }).toEqual({ name, access: 'ingest' });
      if (changes && access.keyScopes.includes('read'))
        expect({ name, readKeyChanges: true }).toEqual({ name, readKeyChanges: false });
    }
  });

  it('answers 401 to the anonymous, 403 to callers without the role or scope, and lets the others through', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = route.spec!.access;
      const name = `${route.method} ${route.path}`;
      if (access.public) continue;
      for (const callerName of CALLERS) {
        const caller =
          SESSION_CHANGING.has(name) && ['admin', 'marketer', 'analyst'].includes(callerName)
            ? await signIn(app, ws.users[callerName as 'admin'].email, TEST_PASSWORD)
            : ws.as[callerName];
        const response = await caller
          .call(route.method.toLowerCase() as 'get', concretePath(route.path))
          .send({});
        const expected = admits(access, callerName) ? 'through' : callerName === 'anonymous' ? 401 : 403;
        const actual = response.status === 401 || response.status === 403 ? response.status : 'through';
        if (actual !== expected)
          mismatches.push(`${name} as ${callerName}: expected ${expected}, got ${response.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('documents every route in /openapi.json, with its access', async () => {
    const document = (await ws.as.anonymous.get('/openapi.json').expect(200)).body as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-loa-access'?: string }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const missing = routes.filter((route) => {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      return document.paths[path]?.[route.method.toLowerCase()]?.['x-loa-access'] !== route.spec?.access.name;
    });
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('serves the browsable documentation page', async () => {
    const page = await ws.as.anonymous.get('/docs').expect(200);
    expect(page.text).toContain('swagger-ui');
    await ws.as.anonymous.get('/docs/assets/swagger-ui-bundle.js').expect(200);
    await ws.as.anonymous.get('/docs/assets/..%2Fpackage.json').expect(404);
  });
});
