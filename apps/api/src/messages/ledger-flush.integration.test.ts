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

  const ledger = (prepared: boolean, newId?: () => string) => {
    const flush = new LedgerFlush(db, prepared, newId);
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
    ['through the application pool, as behind a transaction pooler', false],
  ])(
    'records outcomes and inserts new rows in one flush, each in a transaction of its own (%s)',
    async (_name, prepared) => {
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
      // Each statement moves the campaign counters in one sorted upsert of its own (two in one transaction could
      // deadlock with another flush taking the same counters in the other order).
      expect(secondStored.writer).not.toBe(firstStored.writer);
    },
  );

  it('keeps the campaign counters right when one flush inserts and records outcomes', async () => {
    const flush = ledger(true);
    const campaignId = randomUUID();
    const campaignInput = (): SendMessageInput => ({
      ...input(),
      campaign: { id: campaignId, version: 1, stepId: 'otp' },
    });
    const first = await Promise.all(
      [1, 2].map(() => flush.admit(newRow(campaignInput(), '84912345678', { status: 'sending' }), undefined)),
    );
    await Promise.all([
      ...first.map(({ row }, at) => flush.recordSent(row!, accepted(`esms-c${at}`))),
      flush.admit(newRow(campaignInput(), '84912345678', { status: 'sending' }), undefined),
    ]);
    const counts = (await db.query(
      `SELECT status, sum(count)::int AS count, sum(cost)::float AS cost FROM campaign_message_counts
        WHERE campaign_id = $1 GROUP BY status HAVING sum(count) <> 0 ORDER BY status`,
      [campaignId],
    )) as Array<{ status: string; count: number; cost: number }>;
    expect(counts).toEqual([
      { status: 'sending', count: 1, cost: 0 },
      { status: 'sent', count: 2, cost: 900 },
    ]);
  });

  it('writes the first of two rows with one key in a flush; the other finds its key taken', async () => {
    const flush = ledger(true);
    const { row } = await flush.admit(newRow(input(), '84912345678', { status: 'sending' }), undefined);
    const twice = newRow(input(), '84912345678', { status: 'sending' });
    const [first, , second] = await Promise.all([
      flush.admit(twice, undefined),
      flush.recordSent(row!, accepted('esms-d')),
      flush.admit(twice, undefined),
    ]);
    expect(first.row?.status).toBe('sending');
    expect(second.row).toBeUndefined();
  });

  it('knows its own row when a flush is written again after its answer was lost', async () => {
    const id = randomUUID();
    const row = newRow(input(), '84912345678', { status: 'sending' });
    const once = await ledger(true, () => id).admit(row, undefined);
    // The same write again (same id, same key), as a flush retried on a new connection writes it.
    const again = await ledger(true, () => id).admit(row, undefined);
    expect(once.row?.id).toBe(id);
    expect(again.row?.id).toBe(id);
    // Another send with the same key is not given that row.
    expect((await ledger(true).admit(row, undefined)).row).toBeUndefined();
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

  it('goes on when PostgreSQL ends its connection, idle or in the middle of a statement', async () => {
    const statements = new LedgerStatements(db, true, 1);
    const pidOf = async () =>
      (
        await statements.queryInOrder<{ pid: number }>([
          { text: 'SELECT pg_backend_pid() AS pid', values: [] },
        ])
      )[0]![0]!.pid;
    const terminate = (pid: number) => db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    try {
      const idle = await pidOf();
      await terminate(idle);
      const next = await pidOf();
      expect(next).not.toBe(idle);
      // Ended while its statement runs: the statement is run again on a new connection.
      const running = statements.queryInOrder<{ pid: number }>([
        { text: 'SELECT pg_backend_pid() AS pid FROM pg_sleep(0.3)', values: [] },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await terminate(next);
      const [[answer]] = (await running) as Array<Array<{ pid: number }>>;
      expect(answer!.pid).not.toBe(next);
    } finally {
      await statements.close();
    }
  });

  it('plans its statements as key lookups, and closes its connections', async () => {
    const statements = new LedgerStatements(db, true, 1);
    const [[settings]] = (await statements.queryInOrder<Record<string, string>>([
      {
        text: `SELECT current_setting('enable_seqscan') AS seqscan, current_setting('enable_hashjoin') AS hashjoin,
                      current_setting('enable_mergejoin') AS mergejoin, current_setting('application_name') AS name,
                      pg_backend_pid() AS pid`,
        values: [],
      },
    ])) as Array<Array<Record<string, string>>>;
    expect(settings).toMatchObject({
      seqscan: 'off',
      hashjoin: 'off',
      mergejoin: 'off',
      name: LEDGER_APPLICATION_NAME,
    });
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
