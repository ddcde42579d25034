import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { journeysTestContext, seedJourney } from '../journeys/testing/journeys-test-context';
import { channelReport } from './channel-report.query';
import { failedMessageCodes } from './failed-message-codes.query';
import type { ReportScope } from './report-scope';
import { seriesReport } from './series-report.query';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 30, 0, 0);
const MESSAGES = 240;

/**
 * campaign_message_counts, kept by the messages triggers, answers the channel, error-code and series figures exactly
 * as the ledger rows do, through inserts, outcomes, receipts moving rows between statuses, repeated inserts,
 * touches and erasures, concurrent or not.
 */
describe('ledger counters on PostgreSQL', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let scope: ReportScope;
  let accounts: string[];

  beforeAll(async () => {
    context = await journeysTestContext();
    db = context.get(DataSource);
    const journey = await seedJourney(context);
    const account = async (kind: string, name: string) =>
      (
        (await db.query(
          `INSERT INTO channel_accounts (workspace_id, kind, name, settings, status)
           VALUES ($1, $2, $3, '{}', 'connected') RETURNING id`,
          [journey.workspaceId, kind, name],
        )) as Array<{ id: string }>
      )[0]!.id;
    accounts = [await account('zalo_oa', 'OA'), await account('esms', 'SMS')];
    scope = {
      workspaceId: journey.workspaceId,
      campaignId: journey.campaignId,
      version: null,
      versionId: null,
      from: null,
      to: null,
    };
    // Rows over 12 hours, two versions, three steps, two channels; at minutes 5..55 of their hour
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, campaign_id,
         campaign_version, step_id, status, cost, cost_currency, created_at)
       SELECT $1, 'k-' || i, CASE WHEN i % 2 = 0 THEN 'zns' ELSE 'sms' END, 'marketing',
         CASE WHEN i % 2 = 0 THEN $3::uuid ELSE $4::uuid END, $2, 1 + i % 2, 'step-' || (i % 3), 'sending',
         CASE WHEN i % 2 = 0 THEN 300 ELSE 650 END, CASE WHEN i % 7 = 0 THEN 'USD' ELSE 'VND' END,
         to_timestamp($5 / 1000.0) + (i % 12) * interval '1 hour' + (5 + i % 50) * interval '1 minute'
       FROM generate_series(1, $6) i`,
      [journey.workspaceId, journey.campaignId, accounts[0], accounts[1], START, MESSAGES],
    );
    // A message of another campaign and one of none: neither is counted here
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, campaign_id, status)
       VALUES ($1, 'other', 'zns', 'marketing', $2, $3, 'sent'), ($1, 'none', 'zns', 'otp', $2, NULL, 'sent')`,
      [journey.workspaceId, accounts[0], randomUUID()],
    );
  });

  afterAll(async () => {
    await context?.close();
  });

  const update = (sql: string, ...params: unknown[]) =>
    db.query(`UPDATE messages m SET ${sql}`, [scope.campaignId, ...params]);

  it('answers every figure as the ledger rows do, after each kind of change', async () => {
    await expectCountersToMatchLedger();
    // The provider's outcomes, in batches as the send service writes them, some concurrently
    await Promise.all([
      update(
        `status = 'sent', sent_at = now() WHERE campaign_id = $1 AND status = 'sending' AND length(idempotency_key) % 2 = 0`,
      ),
      update(
        `status = 'failed', failed_at = now(), error_code = CASE WHEN random() < 0.5 THEN '-124' ELSE NULL END
         WHERE campaign_id = $1 AND status = 'sending' AND idempotency_key LIKE '%7'`,
      ),
    ]);
    await update(`status = 'sent', sent_at = now() WHERE campaign_id = $1 AND status = 'sending'`);
    await expectCountersToMatchLedger();
    // Receipts: delivered and seen, one row at a time and in batches, concurrently; a failed delivery after sent
    const ids = (await db.query(
      `SELECT id FROM messages WHERE campaign_id = $1 AND status = 'sent' ORDER BY id`,
      [scope.campaignId],
    )) as Array<{ id: string }>;
    await Promise.all(
      ids
        .slice(0, 60)
        .map(({ id }, index) =>
          update(
            `status = $3, delivered_at = now(), seen_at = CASE WHEN $3 = 'seen' THEN now() END WHERE campaign_id = $1 AND id = $2`,
            id,
            index % 3 === 0 ? 'seen' : 'delivered',
          ),
        ),
    );
    await update(
      `status = 'delivered', delivered_at = now() WHERE campaign_id = $1 AND id = ANY($2)`,
      ids.slice(60, 120).map(({ id }) => id),
    );
    await update(
      `status = 'failed', failed_at = now(), error_code = '-201' WHERE campaign_id = $1 AND id = ANY($2)`,
      ids.slice(120, 130).map(({ id }) => id),
    );
    await expectCountersToMatchLedger();
    // A price learnt later, a touch, an erasure and a repeated insert change nothing else
    await update(`cost = 900 WHERE campaign_id = $1 AND channel = 'sms' AND status = 'delivered'`);
    await update(`updated_at = clock_timestamp() WHERE campaign_id = $1`);
    await update(`recipient = NULL, request = NULL, error_message = NULL WHERE campaign_id = $1`);
    await db.query(
      `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, campaign_id, status)
       VALUES ($1, 'k-1', 'zns', 'marketing', $2, $3, 'sent') ON CONFLICT DO NOTHING`,
      [scope.workspaceId, accounts[0], scope.campaignId],
    );
    await expectCountersToMatchLedger();

    const channels = await channelReport(db.manager, scope);
    expect(channels.accounts.reduce((sum, account) => sum + account.messages, 0)).toBe(MESSAGES);
    expect(channels.accounts.every((account) => account.delivered > 0 && account.failed > 0)).toBe(true);
    expect(
      channels.accounts.flatMap((account) => account.failedByCode.map((failure) => failure.code)),
    ).toEqual(expect.arrayContaining(['-124', '-201', 'unknown']));
  });

  /**
   * Each report figure from the counters (windows on whole hours) equals the same figure from the ledger rows (the
   * same windows moved by a millisecond, which no row's time is near).
   */
  async function expectCountersToMatchLedger() {
    const windows: Array<Pick<ReportScope, 'from' | 'to' | 'version'>> = [
      { from: null, to: null, version: null },
      { from: new Date(START + 3 * HOUR), to: new Date(START + 9 * HOUR), version: null },
      { from: new Date(START + 2 * HOUR), to: null, version: 2 },
    ];
    for (const window of windows) {
      const counted = { ...scope, ...window };
      const shifted = (at: Date | null) => (at === null ? new Date(START - 1) : new Date(at.getTime() - 1));
      const fromLedger = { ...counted, from: shifted(counted.from) };
      const figures = async (of: ReportScope) => ({
        channels: { ...(await channelReport(db.manager, of)), window: null },
        byStep: sortFailures(await failedMessageCodes(db.manager, of, 'step')),
        byAccount: sortFailures(await failedMessageCodes(db.manager, of, 'account')),
        series: (await seriesReport(db.manager, of, 'hour')).points,
      });
      expect(await figures(counted)).toEqual(await figures(fromLedger));
    }
  }
});

const sortFailures = <T extends { key: string | null; channel: string; code: string }>(failures: T[]) =>
  [...failures].sort((a, b) =>
    `${a.key} ${a.channel} ${a.code}`.localeCompare(`${b.key} ${b.channel} ${b.code}`),
  );
