import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { SendSuccess } from '@loa/connectors';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { LedgerFlush } from './ledger-flush';
import { LedgerStatements, LEDGER_APPLICATION_NAME } from './ledger-statements';
import { newRow } from './new-row';
import type { SendMessageInput } from './send-message.types';

// The writes of uncapped sends (transactional, OTP) go through LedgerFlush: the rows of new sends and the outcomes of
// earlier ones, shared by every send in flight, in one statement on the ledger's own connections.
describe('the send ledger writes concurrent sends together', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let accountId: string;
  const flushes: LedgerFlush[] = [];

  beforeAll(async () => {
    app = await createApp(testConfig({ LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }));
    await app.init();
    ws = await seedTestWorkspace(app);
    db = app.get(DataSource);
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({
        kind: 'esms',
        name: 'ledger',
        config: { apiKey: 'k', secretKey: 's', brandname: 'SHOP', smsType: 'care' },
      })
      .expect(201);
    accountId = (created.body as { id: string }).id;
  });

  afterAll(async () => {
    await Promise.all(flushes.map((flush) => flush.close()));
    await app.close();
  });

  const ledger = (prepared: boolean) => {
    const flush = new LedgerFlush(db, prepared);
    flushes.push(flush);
    return flush;
  };

  const input = (workspaceId = ws.workspaceId): SendMessageInput => ({
    workspaceId,
    accountId,
    idempotencyKey: randomUUID(),
    purpose: 'transactional',
    to: '0912345678',
    content: { channel: 'sms', text: 'Mã của bạn là 1234' },
  });

  const accepted = (providerMessageId: string): SendSuccess => ({
    status: 'sent',
    providerMessageId,
    correlationId: randomUUID(),
    acceptedAt: new Date().toISOString(),
    costVnd: 450,
    segments: 1,
  });

  const stored = async (id: string) =>
    (
      (await db.query(
        `SELECT status, provider_message_id, cost::float AS cost, cost_currency, billable_units, request,
                xmin::text AS writer
           FROM messages WHERE id = $1`,
        [id],
      )) as Array<Record<string, unknown>>
    )[0]!;

  it.each([
    ['on its own connections, prepared', true],
    ['through the application pool (PGlite, or behind a transaction pooler)', false],
  ])('records an outcome and inserts a new row in one transaction (%s)', async (_name, prepared) => {
    const flush = ledger(prepared);
    const first = await flush.admit(newRow(input(), '84912345678', { status: 'sending' }), undefined);
    expect(first.row?.status).toBe('sending');
    const [sent, second] = await Promise.all([
      flush.recordSent(first.row!, accepted('esms-1')),
      flush.admit(newRow(input(), '84912345678', { status: 'sending' }), undefined),
    ]);
    expect(sent).toMatchObject({ id: first.row!.id, status: 'sent', provider_message_id: 'esms-1' });
    expect(second.row?.status).toBe('sending');
    const [firstStored, secondStored] = [await stored(first.row!.id), await stored(second.row!.id)];
    expect(firstStored).toMatchObject({
      status: 'sent',
      provider_message_id: 'esms-1',
      cost: 450,
      cost_currency: 'VND',
      billable_units: 1,
      request: null,
    });
    expect(secondStored).toMatchObject({
      status: 'sending',
      request: expect.objectContaining({ accountId }),
    });
    // One transaction wrote both: the outcome of the first send and the row of the second.
    expect(secondStored.writer).toBe(firstStored.writer);
  });

  it('keeps a status a receipt already moved on when the outcome arrives after it', async () => {
    const flush = ledger(true);
    const { row } = await flush.admit(newRow(input(), '84912345678', { status: 'sending' }), undefined);
    await db.query(`UPDATE messages SET status = 'delivered' WHERE id = $1`, [row!.id]);
    expect((await flush.recordSent(row!, accepted('esms-2'))).status).toBe('delivered');
    expect(await stored(row!.id)).toMatchObject({ status: 'delivered', provider_message_id: 'esms-2' });
  });

  it('fails only the write that cannot be made, not the others of its statement', async () => {
    const flush = ledger(true);
    const { row } = await flush.admit(newRow(input(), '84912345678', { status: 'sending' }), undefined);
    const results = await Promise.allSettled([
      flush.admit(newRow(input(randomUUID()), '84912345678', { status: 'sending' }), undefined),
      flush.recordSent(row!, accepted('esms-3')),
      flush.admit(newRow(input(), '84912345678', { status: 'sending' }), undefined),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: '23503' });
    expect(await stored(row!.id)).toMatchObject({ status: 'sent', provider_message_id: 'esms-3' });
  });

  it('goes on when PostgreSQL ends its connection', async () => {
    const flush = ledger(true);
    expect((await flush.admit(newRow(input(), null, { status: 'sending' }), undefined)).row).toBeDefined();
    const [{ ended }] = (await db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1`,
      [LEDGER_APPLICATION_NAME],
    )) as Array<{ ended: number }>;
    expect(ended).toBeGreaterThan(0);
    const { row } = await flush.admit(newRow(input(), null, { status: 'sending' }), undefined);
    expect(row?.status).toBe('sending');
  });

  it('plans its statements as key lookups, and closes its connections', async () => {
    const statements = new LedgerStatements(db, true, 1);
    const [settings] = await statements.query<Record<string, string>>(
      `SELECT current_setting('enable_seqscan') AS seqscan, current_setting('enable_hashjoin') AS hashjoin,
              current_setting('enable_mergejoin') AS mergejoin, pg_backend_pid() AS pid`,
      [],
    );
    expect(settings).toMatchObject({ seqscan: 'off', hashjoin: 'off', mergejoin: 'off' });
    // The application's own connections plan as usual.
    const [own] = (await db.query(`SELECT current_setting('enable_seqscan') AS seqscan`)) as Array<{
      seqscan: string;
    }>;
    expect(own!.seqscan).toBe('on');
    await statements.close();
    const [{ open }] = (await db.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE pid = $1`, [
      settings!.pid,
    ])) as Array<{ open: number }>;
    expect(open).toBe(0);
  });
});
