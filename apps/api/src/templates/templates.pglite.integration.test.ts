import type { INestApplication } from '@nestjs/common';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { startPgliteApp } from '../testing/pglite-app';

describe('e-mail templates and SMS texts on embedded PGlite (the development database)', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let pglite: Awaited<ReturnType<typeof startPgliteApp>>;

  beforeAll(async () => {
    pglite = await startPgliteApp('templates');
    app = pglite.app;
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await pglite.close();
  });

  it.each([
    ['email', { subject: 'Chào {{ contact.name }}', html: '<p>Hi</p>', text: 'Hi' }, { subject: 'Xin chào' }],
    ['sms', { text: 'Mã {{ event.code }}', advertising: false }, { text: 'Mã mới {{ event.code }}' }],
  ])(
    '%s: creates, changes (version 2), deletes, and answers 404 for what is gone, as on PostgreSQL',
    async (kind, content, change) => {
      const created = await ws.as.marketer
        .post(`/templates/${kind}`)
        .send({ name: `Mẫu ${kind}`, ...content })
        .expect(201);
      const id = created.body.id as string;
      const changed = await ws.as.marketer.patch(`/templates/${kind}/${id}`).send(change).expect(200);
      expect(changed.body).toMatchObject({ ...change, version: 2 });
      await ws.as.marketer.delete(`/templates/${kind}/${id}`).expect(204);
      await ws.as.marketer.delete(`/templates/${kind}/${id}`).expect(404);
      await ws.as.marketer.patch(`/templates/${kind}/${id}`).send(change).expect(404);
    },
  );
});
