import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { seedTestWorkspace } from '../testing/test-workspace';
import { contactsOf, finished, uploaded } from './testing/import-helpers';
import { startPgliteApp } from '../testing/pglite-app';

describe('CSV import on embedded PGlite (the development database)', () => {
  let app: INestApplication;
  let pglite: Awaited<ReturnType<typeof startPgliteApp>>;

  beforeAll(async () => {
    pglite = await startPgliteApp('imports');
    app = pglite.app;
  });

  afterAll(async () => {
    await pglite.close();
  });

  it('uploads, runs the job in batches and lists the refused rows, as on PostgreSQL', async () => {
    const ws = await seedTestWorkspace(app);
    const rows = Array.from(
      { length: 520 },
      (_, index) => `Khách ${index};0912${String(index).padStart(6, '0')}`,
    );
    const answer = await uploaded(ws.as.marketer, ['Họ tên;SĐT', ...rows, 'Lỗi;12345', ''].join('\n'));
    expect(answer.delimiter).toBe(';');
    await ws.as.marketer
      .post(`/imports/${answer.id}/start`)
      .send({ mapping: answer.proposedMapping })
      .expect(202);
    const done = await finished(ws.as.marketer, answer.id);
    expect(done).toMatchObject({ status: 'completed' });
    expect(done.progress).toEqual({
      rowsRead: 521,
      created: 520,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 1,
    });
    expect(await contactsOf(app, ws.workspaceId)).toHaveLength(520);
    const errors = await ws.as.marketer.get(`/imports/${answer.id}/errors.csv`).expect(200);
    expect(parse(errors.text, { bom: true })).toEqual([
      ['row', 'column', 'reason'],
      ['522', 'SĐT', 'is not a valid Vietnamese phone number'],
    ]);
  });
});
