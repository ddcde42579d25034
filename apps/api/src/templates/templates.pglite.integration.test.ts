import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

describe('e-mail templates and SMS texts on embedded PGlite (the development database)', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loa-templates-pglite-'));
    app = await createApp(
      testConfig({ DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://', LOA_DATA_DIR: dataDir }),
    );
    await app.init();
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
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
