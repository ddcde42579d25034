import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request, { type Test } from 'supertest';
import { DataSource } from 'typeorm';
import type { KeyScope, Role } from '../auth/access';
import { hashPassword } from '../auth/passwords';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Calls the app as one party: a signed-in user (cookie + CSRF header), an API key, or nobody. */
export class TestCaller {
  constructor(
    private readonly app: INestApplication,
    private readonly headers: Record<string, string>,
  ) {}

  get = (path: string): Test => this.call('get', path);
  post = (path: string): Test => this.call('post', path);
  put = (path: string): Test => this.call('put', path);
  patch = (path: string): Test => this.call('patch', path);
  delete = (path: string): Test => this.call('delete', path);

  call(method: Method, path: string): Test {
    const test = request(this.app.getHttpServer())[method](path);
    for (const [name, value] of Object.entries(this.headers)) test.set(name, value);
    return test;
  }
}

export interface TestWorkspace {
  workspaceId: string;
  users: Record<Role, { id: string; email: string; password: string }>;
  keys: Record<KeyScope, string>;
  as: Record<Role | 'ingestKey' | 'readKey' | 'writeKey' | 'anonymous', TestCaller>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A workspace of its own with an admin, a marketer and an analyst signed in, and one API key per scope. */
export async function seedTestWorkspace(
  app: INestApplication,
  name = 'Test workspace',
): Promise<TestWorkspace> {
  const db = app.get(DataSource);
  const tag = randomUUID().slice(0, 8);
  const [workspace] = (await db.query(`INSERT INTO workspaces (slug, name) VALUES ($1, $2) RETURNING id`, [
    `test-${tag}`,
    name,
  ])) as Array<{ id: string }>;
  const workspaceId = workspace!.id;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users = {} as TestWorkspace['users'];
  const as = { anonymous: new TestCaller(app, {}) } as TestWorkspace['as'];
  for (const role of ['admin', 'marketer', 'analyst'] as const) {
    const email = `${role}-${tag}@example.test`;
    const [user] = (await db.query(
      `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [email, `Test ${role}`, passwordHash],
    )) as Array<{ id: string }>;
    await db.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3)`, [
      workspaceId,
      user!.id,
      role,
    ]);
    users[role] = { id: user!.id, email, password: TEST_PASSWORD };
    as[role] = await signIn(app, email, TEST_PASSWORD);
  }
  const keys = {} as TestWorkspace['keys'];
  for (const scope of ['ingest', 'read', 'write'] as const) {
    const response = await as.admin
      .post('/api-keys')
      .send({ name: `test ${scope}`, scope })
      .expect(201);
    keys[scope] = (response.body as { key: string }).key;
    as[`${scope}Key`] = new TestCaller(app, { Authorization: `Bearer ${keys[scope]}` });
  }
  return { workspaceId, users, keys, as };
}

/** Signs in through POST /auth/login and returns a caller carrying that session's cookie and CSRF token. */
export async function signIn(app: INestApplication, email: string, password: string): Promise<TestCaller> {
  const response = await request(app.getHttpServer())
    .post('/auth/login')
    .send({ email, password })
    .expect(200);
  const cookie = sessionCookie(response.headers['set-cookie']);
  return new TestCaller(app, {
    Cookie: cookie,
    'X-CSRF-Token': (response.body as { csrfToken: string }).csrfToken,
  });
}

export function sessionCookie(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = cookies.find((cookie) => cookie.startsWith('loa_session='));
  if (!session) throw new Error('the answer set no session cookie');
  return session.split(';')[0]!;
}
