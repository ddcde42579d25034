import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';

const email = {
  name: 'Đơn hàng đã giao',
  subject: 'Đơn {{ event.orderId }} đã giao',
  preheader: 'Cảm ơn {{ contact.name | first_name }}',
  html: '<p>Chào {{ contact.name }}</p>',
  text: 'Chào {{ contact.name }}',
};
const sms = { name: 'Khuyến mãi', text: 'Ma {{ event.code }} giam 50%', advertising: true };

describe('e-mail templates and SMS texts are stored per workspace, their Liquid checked', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates, reads, lists, changes (raising the version) and deletes an e-mail template', async () => {
    const created = await ws.as.marketer.post('/templates/email').send(email).expect(201);
    expect(created.body).toMatchObject({ ...email, version: 1 });
    const id = created.body.id as string;

    await ws.as.analyst.get(`/templates/email/${id}`).expect(200, created.body);
    const listed = await ws.as.readKey.get('/templates/email').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const renamed = await ws.as.writeKey
      .patch(`/templates/email/${id}`)
      .send({ name: 'Đã giao' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Đã giao', version: 1 });
    const changed = await ws.as.admin
      .patch(`/templates/email/${id}`)
      .send({ subject: 'Giao xong {{ event.orderId }}', preheader: null })
      .expect(200);
    expect(changed.body).toMatchObject({
      subject: 'Giao xong {{ event.orderId }}',
      preheader: null,
      version: 2,
    });

    await ws.as.marketer.delete(`/templates/email/${id}`).expect(204);
    await ws.as.marketer.get(`/templates/email/${id}`).expect(404);
    await ws.as.marketer.delete(`/templates/email/${id}`).expect(404);
  });

  it('refuses a broken placeholder with a 422 naming the field, line and column, and stores nothing', async () => {
    const refused = await ws.as.marketer
      .post('/templates/email')
      .send({
        ...email,
        name: 'Broken',
        html: '<p>Chào</p>\n<p>{{ contact.name </p>',
        text: '{{ x | nope }}',
      })
      .expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ in: 'body', field: 'html', line: 2, column: 4 }),
      expect.objectContaining({ in: 'body', field: 'text', message: expect.stringContaining('nope') }),
    ]);
    expect(refused.body.detail).toContain('html: has a broken placeholder');
    const listed = await ws.as.marketer.get('/templates/email').expect(200);
    expect(listed.body.items.map((item: { name: string }) => item.name)).not.toContain('Broken');

    const sms = await ws.as.marketer
      .post('/templates/sms')
      .send({ name: 'Broken', text: 'Ma {% if x %}', advertising: false })
      .expect(422);
    expect(sms.body.errors).toEqual([expect.objectContaining({ field: 'text', line: 1, column: 4 })]);
  });

  it('names each missing or invalid field', async () => {
    const refused = await ws.as.marketer
      .post('/templates/email')
      .send({ name: '', subject: '', html: 42 })
      .expect(422);
    const fields = refused.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'subject', 'html', 'text']));
    const sms = await ws.as.marketer.post('/templates/sms').send({ name: 'x', text: 'y' }).expect(422);
    expect(sms.body.errors).toEqual([expect.objectContaining({ field: 'advertising' })]);
    const tooLong = await ws.as.marketer
      .post('/templates/sms')
      .send({ name: 'x', text: 'y'.repeat(2001), advertising: false })
      .expect(422);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    await ws.as.marketer.patch('/templates/sms/9c4f3d5e-0000-4000-8000-000000000000').send({}).expect(422);
  });

  it('answers 409 naming the field when another template of the kind has the name', async () => {
    await ws.as.marketer.post('/templates/sms').send(sms).expect(201);
    const taken = await ws.as.marketer.post('/templates/sms').send(sms).expect(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    // E-mail templates have names of their own.
    await ws.as.marketer
      .post('/templates/email')
      .send({ ...email, name: sms.name })
      .expect(201);
  });

  it('keeps analysts and read keys to reading', async () => {
    await ws.as.analyst
      .post('/templates/sms')
      .send({ ...sms, name: 'A' })
      .expect(403);
    await ws.as.readKey
      .post('/templates/email')
      .send({ ...email, name: 'B' })
      .expect(403);
    await ws.as.analyst.get('/templates/sms').expect(200);
  });

  it("answers 404 for another workspace's templates", async () => {
    const mine = await ws.as.marketer
      .post('/templates/sms')
      .send({ ...sms, name: 'Mine' })
      .expect(201);
    const id = mine.body.id as string;
    await other.as.admin.get(`/templates/sms/${id}`).expect(404);
    await other.as.admin.patch(`/templates/sms/${id}`).send({ text: 'hijack' }).expect(404);
    await other.as.admin.delete(`/templates/sms/${id}`).expect(404);
    await other.as.admin.post(`/templates/sms/${id}/preview`).send({}).expect(404);
    const theirs = await other.as.admin.get('/templates/sms').expect(200);
    expect(theirs.body.items).toEqual([]);
    await ws.as.marketer.get(`/templates/sms/${id}`).expect(200);
  });
});
