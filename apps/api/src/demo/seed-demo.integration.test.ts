import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { signIn } from '../testing/test-workspace';
import { seedDemo } from './seed-demo';

describe('demo seed through the public API', () => {
  let app: INestApplication;
  let apiUrl: string;
  const admin = { email: `demo-admin-${Date.now()}@example.test`, password: 'demo admin password' };

  beforeAll(async () => {
    app = await createApp(
      testConfig({ LOA_BOOTSTRAP_ADMIN_EMAIL: admin.email, LOA_BOOTSTRAP_ADMIN_PASSWORD: admin.password }),
    );
    await app.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates the team, contacts with their events, and two segments, once', async () => {
    const first = await seedDemo({ apiUrl, admin, teamPassword: 'team password 123', contacts: 120 });
    expect(first.seeded).toBe(true);

    const marketer = await signIn(app, 'marketer@example.com', 'team password 123');
    expect((await marketer.get('/auth/me').expect(200)).body.role).toBe('marketer');
    const contacts = await marketer.get('/contacts?limit=1&count=true').expect(200);
    expect(contacts.body.total).toBe(120);
    const segments = await marketer.get('/segments').expect(200);
    expect(segments.body.items.map((segment: { name: string }) => segment.name)).toEqual(
      expect.arrayContaining(['Hà Nội, reachable by e-mail', 'Repeat buyers (30 days)']),
    );
    const keys = await signIn(app, admin.email, admin.password).then((caller) =>
      caller.get('/api-keys').expect(200),
    );
    expect(keys.body.items.every((key: { revokedAt: string | null }) => key.revokedAt !== null)).toBe(true);

    const again = await seedDemo({ apiUrl, admin, teamPassword: 'team password 123', contacts: 120 });
    expect(again.seeded).toBe(false);
    expect((await marketer.get('/contacts?limit=1&count=true').expect(200)).body.total).toBe(120);
  });
});
