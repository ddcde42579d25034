import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { contactsCsv, contactsOf, finished, uploadCsv, uploaded } from './testing/import-helpers';

const MAX_BYTES = 64 * 1024;

describe('CSV import through HTTP on PostgreSQL and Redis', () => {
  let app: INestApplication;
  let dataDir: string;
  let ws: TestWorkspace;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loa-imports-'));
    app = await createApp(testConfig({ LOA_DATA_DIR: dataDir, LOA_IMPORT_MAX_BYTES: String(MAX_BYTES) }));
    await app.init();
  });

  beforeEach(async () => {
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('upload and preview', () => {
    it('reads a UTF-8 file with a byte order mark and proposes a mapping from Vietnamese headers', async () => {
      const csv =
        '\uFEFFHọ tên,Số điện thoại,Email,Ngày sinh,Thành phố\nNguyễn Văn A,0912345678,a@example.vn,01/02/1990,Huế\n';
      const answer = await uploaded(ws.as.marketer, csv);
      expect(answer).toMatchObject({
        fileName: 'contacts.csv',
        size: Buffer.byteLength(csv) - 3,
        delimiter: ',',
        header: ['Họ tên', 'Số điện thoại', 'Email', 'Ngày sinh', 'Thành phố'],
        sampleRows: [['Nguyễn Văn A', '0912345678', 'a@example.vn', '01/02/1990', 'Huế']],
      });
      expect(answer.proposedMapping).toEqual([
        { column: 'Họ tên', target: { kind: 'field', field: 'name' } },
        { column: 'Số điện thoại', target: { kind: 'identity', key: 'phone' } },
        { column: 'Email', target: { kind: 'field', field: 'email' } },
        {
          column: 'Ngày sinh',
          target: { kind: 'attribute', key: 'birthday', type: 'date', dateFormat: 'dd/MM/yyyy' },
        },
        { column: 'Thành phố', target: { kind: 'attribute', key: 'thanh_pho', type: 'string' } },
      ]);
      const stored = await ws.as.analyst.get(`/imports/${answer.id}`).expect(200);
      expect(stored.body).toMatchObject({ status: 'uploaded', mapping: answer.proposedMapping });
    });

    it('detects semicolons without a byte order mark, with delimiters and newlines inside quoted fields', async () => {
      const csv = 'SĐT;Tên;Ghi chú\n0912345678;"Lan; Hà";"dòng 1\ndòng 2; còn nữa"\n0987654321;Minh;"a, b"\n';
      const answer = await uploaded(ws.as.marketer, csv);
      expect(answer.delimiter).toBe(';');
      expect(answer.header).toEqual(['SĐT', 'Tên', 'Ghi chú']);
      expect(answer.sampleRows).toEqual([
        ['0912345678', 'Lan; Hà', 'dòng 1\ndòng 2; còn nữa'],
        ['0987654321', 'Minh', 'a, b'],
      ]);

      await ws.as.marketer
        .post(`/imports/${answer.id}/start`)
        .send({ mapping: answer.proposedMapping })
        .expect(202);
      expect((await finished(ws.as.marketer, answer.id)).progress).toMatchObject({
        rowsRead: 2,
        created: 2,
        failed: 0,
      });
      const contacts = await contactsOf(app, ws.workspaceId);
      expect(contacts.map((contact) => [contact.phone, contact.name, contact.attributes])).toEqual([
        ['84912345678', 'Lan; Hà', { ghi_chu: 'dòng 1\ndòng 2; còn nữa' }],
        ['84987654321', 'Minh', { ghi_chu: 'a, b' }],
      ]);
    });

    it('detects tabs, with Windows line endings', async () => {
      const csv = 'phone\tname\tcity\r\n0912345678\tLan\tHà Nội, VN\r\n0987654321\tMinh\tHuế\r\n';
      const answer = await uploaded(ws.as.marketer, csv);
      expect(answer.delimiter).toBe('\t');
      expect(answer.header).toEqual(['phone', 'name', 'city']);
      expect(answer.sampleRows).toEqual([
        ['0912345678', 'Lan', 'Hà Nội, VN'],
        ['0987654321', 'Minh', 'Huế'],
      ]);
      await ws.as.marketer
        .post(`/imports/${answer.id}/start`)
        .send({ mapping: answer.proposedMapping })
        .expect(202);
      expect((await finished(ws.as.marketer, answer.id)).progress).toMatchObject({ created: 2, failed: 0 });
      const contacts = await contactsOf(app, ws.workspaceId);
      expect(contacts.map((contact) => [contact.name, contact.attributes])).toEqual([
        ['Lan', { city: 'Hà Nội, VN' }],
        ['Minh', { city: 'Huế' }],
      ]);
    });

    it('answers 413 past the size limit and keeps nothing of the file', async () => {
      const response = await uploadCsv(ws.as.marketer, contactsCsv(3000)).expect(413);
      expect(response.body).toMatchObject({
        status: 413,
        detail: 'The file is larger than the import limit of 65536 bytes',
      });
      expect(await readdir(join(dataDir, 'imports', ws.workspaceId)).catch(() => [])).toEqual([]);
    });

    it('answers 413 at once when the declared length is already over the limit', async () => {
      const response = await uploadCsv(ws.as.marketer, contactsCsv(20_000)).catch(
        (error: { response?: unknown }) => {
          if (!error.response) throw error;
          return error.response as { status: number; headers: Record<string, string> };
        },
      );
      expect(response.status).toBe(413);
      expect(response.headers.connection).toBe('close');
      expect(await readdir(join(dataDir, 'imports', ws.workspaceId)).catch(() => [])).toEqual([]);
    });

    it('answers 422 naming file for text that is not UTF-8, a missing or empty file, an unusable header; keeps nothing', async () => {
      const windows1258 = Buffer.concat([
        Buffer.from('name,phone\nNguy'),
        Buffer.from([0xea, 0xd2]),
        Buffer.from('n,0912345678\n'),
      ]);
      const notUtf8 = await uploadCsv(ws.as.marketer, windows1258).expect(422);
      expect(notUtf8.body.errors).toEqual([
        { in: 'file', field: 'file', message: 'is not UTF-8 text (save the CSV as UTF-8)' },
      ]);
      const missing = await ws.as.marketer.post('/imports').field('other', 'x').expect(422);
      expect(missing.body.errors[0]).toMatchObject({ field: 'file' });
      const empty = await uploadCsv(ws.as.marketer, '').expect(422);
      expect(empty.body.errors[0]).toMatchObject({ field: 'file', message: 'is empty' });
      const repeated = await uploadCsv(ws.as.marketer, 'SĐT,Tên,SĐT\n0912345678,Lan,0912345678\n').expect(
        422,
      );
      expect(repeated.body.errors[0]).toMatchObject({
        field: 'file',
        message: 'the header names "SĐT" twice',
      });
      const unnamed = await uploadCsv(ws.as.marketer, 'SĐT,,Tên\n0912345678,x,Lan\n').expect(422);
      expect(unnamed.body.errors[0]).toMatchObject({
        field: 'file',
        message: 'column 2 of the header has no name',
      });
      const nul = await uploadCsv(ws.as.marketer, 'SĐT,T\u0000ên\n0912345678,Lan\n').expect(422);
      expect(nul.body.errors[0]).toMatchObject({
        field: 'file',
        message: 'column 2 of the header holds a NUL character',
      });
      expect(await readdir(join(dataDir, 'imports', ws.workspaceId)).catch(() => [])).toEqual([]);
    });

    it('lets only writers upload, and hides other workspaces’ imports', async () => {
      await uploadCsv(ws.as.analyst, contactsCsv(1)).expect(403);
      await uploadCsv(ws.as.readKey, contactsCsv(1)).expect(403);
      const answer = await uploaded(ws.as.writeKey, contactsCsv(1));
      const other = await seedTestWorkspace(app, 'Other workspace');
      await other.as.admin.get(`/imports/${answer.id}`).expect(404);
      await other.as.admin.get(`/imports/${answer.id}/errors.csv`).expect(404);
      await other.as.admin.post(`/imports/${answer.id}/cancel`).expect(404);
      const list = await ws.as.analyst.get('/imports').expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([answer.id]);
    });
  });

  it('is described in the OpenAPI document: multipart upload, access rules, the CSV of errors', async () => {
    const document = (await ws.as.anonymous.get('/openapi.json').expect(200)).body;
    expect(Object.keys(document.paths).filter((path: string) => path.startsWith('/imports'))).toEqual(
      expect.arrayContaining([
        '/imports',
        '/imports/{id}',
        '/imports/{id}/start',
        '/imports/{id}/cancel',
        '/imports/{id}/errors.csv',
      ]),
    );
    expect(document.paths['/imports'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(document.paths['/imports'].post['x-loa-access']).toBe('write');
    expect(document.paths['/imports/{id}'].get['x-loa-access']).toBe('read');
  });

  describe('mapping', () => {
    it('answers 422 naming the field for a column the file lacks, a column mapped twice and no identity', async () => {
      const { id } = await uploaded(ws.as.marketer, contactsCsv(1));
      const unknown = await ws.as.marketer
        .post(`/imports/${id}/start`)
        .send({
          mapping: [
            { column: 'Số điện thoại', target: { kind: 'identity', key: 'phone' } },
            { column: 'Tuổi', target: { kind: 'skip' } },
          ],
        })
        .expect(422);
      expect(unknown.body.errors).toEqual([
        { in: 'body', field: 'mapping.1.column', message: '"Tuổi" is not a column of the file' },
      ]);
      const twice = await ws.as.marketer
        .post(`/imports/${id}/start`)
        .send({
          mapping: [
            { column: 'Số điện thoại', target: { kind: 'identity', key: 'phone' } },
            { column: 'Họ tên', target: { kind: 'field', field: 'name' } },
            { column: 'Thành phố', target: { kind: 'field', field: 'name' } },
          ],
        })
        .expect(422);
      expect(twice.body.errors).toEqual([
        { in: 'body', field: 'mapping.2.target', message: 'name is already mapped from column "Họ tên"' },
      ]);
      const noIdentity = await ws.as.marketer
        .post(`/imports/${id}/start`)
        .send({ mapping: [{ column: 'Họ tên', target: { kind: 'field', field: 'name' } }] })
        .expect(422);
      expect(noIdentity.body.errors[0]).toMatchObject({ field: 'mapping' });
      const badKind = await ws.as.marketer
        .post(`/imports/${id}/start`)
        .send({ mapping: [{ column: 'Họ tên', target: { kind: 'nickname' } }] })
        .expect(422);
      expect(badKind.body.errors[0].field).toMatch(/^mapping\.0\.target/);
      expect((await ws.as.marketer.get(`/imports/${id}`).expect(200)).body.status).toBe('uploaded');
    });
  });

  it('answers 422 naming the mapping when an attribute is typed otherwise or its values cannot take the type', async () => {
    await ws.as.admin.post('/contacts/attributes').send({ key: 'points', type: 'number' }).expect(201);
    await ws.as.marketer
      .post('/contacts')
      .send({ phone: '0987654321', attributes: { thanh_pho: 'Huế' } })
      .expect(201);
    const { id } = await uploaded(ws.as.marketer, 'SĐT,Điểm,Thành phố\n0912345678,12,2\n');
    const typed = await ws.as.marketer
      .post(`/imports/${id}/start`)
      .send({
        mapping: [
          { column: 'SĐT', target: { kind: 'identity', key: 'phone' } },
          { column: 'Điểm', target: { kind: 'attribute', key: 'points', type: 'string' } },
        ],
      })
      .expect(422);
    expect(typed.body.errors).toEqual([
      { in: 'body', field: 'mapping.1.target.type', message: 'attribute points is defined as number' },
    ]);
    const unconvertible = await ws.as.marketer
      .post(`/imports/${id}/start`)
      .send({
        mapping: [
          { column: 'SĐT', target: { kind: 'identity', key: 'phone' } },
          { column: 'Thành phố', target: { kind: 'attribute', key: 'thanh_pho', type: 'number' } },
        ],
      })
      .expect(422);
    expect(unconvertible.body.errors).toEqual([
      {
        in: 'body',
        field: 'mapping.1.target.type',
        message: expect.stringContaining('cannot define thanh_pho: 1 contact(s) hold a value'),
      },
    ]);
    expect((await ws.as.marketer.get(`/imports/${id}`).expect(200)).body.status).toBe('uploaded');
  });

  describe('running', () => {
    const csv = [
      'Mã KH,Họ tên,Số điện thoại,Ngày sinh,Điểm',
      'KH1,Lan,0912345678,01/02/1990,10',
      'KH2,Minh,12345,15/12/1985,7',
      'KH3,Hoa,0987654321,31/02/1990,x',
      'KH4,Thiếu cột,0901234567',
      'KH5,Bình,+84 903 123 456,1/1/2000,3.5',
      '',
    ].join('\n');
    const mapping = [
      { column: 'Mã KH', target: { kind: 'field', field: 'externalId' } },
      { column: 'Họ tên', target: { kind: 'field', field: 'name' } },
      { column: 'Số điện thoại', target: { kind: 'identity', key: 'phone' } },
      {
        column: 'Ngày sinh',
        target: { kind: 'attribute', key: 'birthday', type: 'date', dateFormat: 'dd/MM/yyyy' },
      },
      { column: 'Điểm', target: { kind: 'attribute', key: 'points', type: 'number' } },
    ];

    it('imports valid rows and lists bad ones in the error CSV with row number, column and reason', async () => {
      const { id } = await uploaded(ws.as.marketer, csv);
      const started = await ws.as.marketer
        .post(`/imports/${id}/start`)
        .send({ mapping, mode: 'both' })
        .expect(202);
      expect(started.body).toMatchObject({ status: 'queued', mode: 'both', dryRun: false });
      const done = await finished(ws.as.marketer, id);
      expect(done.status).toBe('completed');
      expect(done.progress).toEqual({
        rowsRead: 5,
        created: 2,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        failed: 3,
      });

      const contacts = await contactsOf(app, ws.workspaceId);
      expect(
        contacts.map((contact) => [contact.external_id, contact.name, contact.phone, contact.attributes]),
      ).toEqual([
        ['KH5', 'Bình', '84903123456', { birthday: '2000-01-01', points: 3.5 }],
        ['KH1', 'Lan', '84912345678', { birthday: '1990-02-01', points: 10 }],
      ]);

      const errors = await ws.as.analyst.get(`/imports/${id}/errors.csv`).expect(200);
      expect(errors.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(errors.headers['content-disposition']).toContain('attachment');
      expect(parse(errors.text, { bom: true })).toEqual([
        ['row', 'column', 'reason'],
        ['3', 'Số điện thoại', 'is not a valid Vietnamese phone number'],
        ['4', 'Ngày sinh', 'is not a date written as dd/MM/yyyy'],
        ['4', 'Điểm', 'must be a number'],
        ['5', '', 'has 3 columns where the header has 5'],
      ]);
      const definitions = await app
        .get(DataSource)
        .query(`SELECT key, type FROM attribute_definitions WHERE workspace_id = $1 ORDER BY key`, [
          ws.workspaceId,
        ]);
      expect(definitions).toEqual([
        { key: 'birthday', type: 'date' },
        { key: 'points', type: 'number' },
      ]);
    });

    it('numbers error rows as a spreadsheet shows the file, empty lines included', async () => {
      const answer = await uploaded(ws.as.marketer, 'SĐT,Tên\n0912345678,Lan\n\n\n0912,Minh\n');
      await ws.as.marketer
        .post(`/imports/${answer.id}/start`)
        .send({ mapping: answer.proposedMapping })
        .expect(202);
      expect((await finished(ws.as.marketer, answer.id)).progress).toMatchObject({ created: 1, failed: 1 });
      const errors = await ws.as.analyst.get(`/imports/${answer.id}/errors.csv`).expect(200);
      expect(parse(errors.text, { bom: true })).toEqual([
        ['row', 'column', 'reason'],
        ['5', 'SĐT', 'is not a valid Vietnamese phone number'],
      ]);
    });

    it('writes no contact in a dry run, yet counts and lists errors; the same upload then imports for real', async () => {
      const { id } = await uploaded(ws.as.marketer, csv);
      await ws.as.marketer.post(`/imports/${id}/start`).send({ mapping, dryRun: true }).expect(202);
      const dry = await finished(ws.as.marketer, id);
      expect(dry).toMatchObject({ status: 'completed', dryRun: true });
      expect(dry.progress).toEqual({
        rowsRead: 5,
        created: 2,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        failed: 3,
      });
      expect(await contactsOf(app, ws.workspaceId)).toEqual([]);
      const errors = await ws.as.marketer.get(`/imports/${id}/errors.csv`).expect(200);
      expect(parse(errors.text, { bom: true })).toHaveLength(5);

      await ws.as.marketer.post(`/imports/${id}/start`).send({ mapping }).expect(202);
      const real = await finished(ws.as.marketer, id);
      expect(real).toMatchObject({ status: 'completed', dryRun: false });
      expect(real.progress.created).toBe(2);
      expect(await contactsOf(app, ws.workspaceId)).toHaveLength(2);
      await ws.as.marketer.post(`/imports/${id}/start`).send({ mapping }).expect(409);
    });

    it('in mode update skips unknown contacts, and in mode create skips existing ones', async () => {
      const first = await uploaded(ws.as.marketer, contactsCsv(2));
      await ws.as.marketer
        .post(`/imports/${first.id}/start`)
        .send({ mapping: first.proposedMapping })
        .expect(202);
      expect((await finished(ws.as.marketer, first.id)).progress.created).toBe(2);

      // Rows 0 and 1 exist (renamed), rows 2 and 3 are new.
      const renamed = contactsCsv(4).replace(/Khách /g, 'Khách hàng ');
      const update = await uploaded(ws.as.marketer, renamed);
      await ws.as.marketer
        .post(`/imports/${update.id}/start`)
        .send({ mapping: update.proposedMapping, mode: 'update' })
        .expect(202);
      expect((await finished(ws.as.marketer, update.id)).progress).toEqual({
        rowsRead: 4,
        created: 0,
        updated: 2,
        unchanged: 0,
        skipped: 2,
        failed: 0,
      });
      expect((await contactsOf(app, ws.workspaceId)).map((contact) => contact.name)).toEqual([
        'Khách hàng 0',
        'Khách hàng 1',
      ]);

      const create = await uploaded(ws.as.marketer, contactsCsv(4));
      await ws.as.marketer
        .post(`/imports/${create.id}/start`)
        .send({ mapping: create.proposedMapping, mode: 'create' })
        .expect(202);
      expect((await finished(ws.as.marketer, create.id)).progress).toEqual({
        rowsRead: 4,
        created: 2,
        updated: 0,
        unchanged: 0,
        skipped: 2,
        failed: 0,
      });
      expect((await contactsOf(app, ws.workspaceId)).map((contact) => contact.name)).toEqual([
        'Khách hàng 0',
        'Khách hàng 1',
        'Khách 2',
        'Khách 3',
      ]);
    });
  });
});
