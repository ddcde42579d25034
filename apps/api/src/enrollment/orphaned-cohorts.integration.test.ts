import { randomUUID } from 'node:crypto';
import type { Plan } from '@loa/engine';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { waitFor } from '@loa/testing';
import { WorkflowNotFoundError } from '@temporalio/client';
import { PROMO_TEMPLATE, promoGraph } from '../broadcasts/testing/promo-broadcast';
import {
  connectedSandboxOa,
  startZaloTestSandbox,
  TEST_PUBLIC_API_URL,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker';
import { testConfig } from '../testing/test-config';
import { CohortStarter } from './cohort-starter.service';
import { OrphanedCohortsService } from './orphaned-cohorts.service';

const MINUTE_MS = 60_000;
/** The test's pass takes reservations older than this; the app's own pass (5 minutes) leaves the test's alone. */
const GRACE_MS = 2 * MINUTE_MS;
const SENT = ['sent', 'delivered', 'seen'];

interface MemberRow {
  contact_id: string;
  status: string;
  exit_reason: string | null;
  logged: number;
  exited_at: Date | null;
}

/**
 * A broadcast's cohort whose members' enrollments were written but whose cohortJourney never started (its start
 * activity gave up, or its run ended in between): the pass starts it, or exits its members when the campaign is over.
 * API, worker and Temporal dev server, ZNS through the provider sandbox.
 */
describe('cohorts reserved but never started, found by the periodic pass', () => {
  let sandbox: RunningSandbox;
  let stack: ApiWithWorker;
  let znsAccountId: string;
  let pass: OrphanedCohortsService;
  let phones = 0;

  beforeAll(async () => {
    sandbox = await startZaloTestSandbox({ znsNightWindow: false, receiptDelayMs: 3_600_000 }, (seed) => {
      for (const oa of seed.zalo[0]?.oas ?? []) oa.templates.push(PROMO_TEMPLATE);
    });
    stack = await startApiWithWorker(
      testConfig({ LOA_PUBLIC_API_URL: TEST_PUBLIC_API_URL, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' }),
    );
    znsAccountId = await connectedSandboxOa({ sandbox, ws: stack.ws });
    // Every broadcast of the workspace runs as cohorts.
    await stack.ws.as.admin.patch('/workspace').send({ cohortThreshold: 1 }).expect(200);
    pass = new OrphanedCohortsService(stack.db, stack.app.get(TEMPORAL_CLIENT), stack.config, {
      graceMs: GRACE_MS,
    });
  });

  afterAll(async () => {
    await stack?.close();
    await sandbox?.close();
  });

  /** A published broadcast of one ZNS to a tag, scheduled a year from now: only the test enters its contacts. */
  async function publishedBroadcast(): Promise<{ plan: Plan; tag: string }> {
    const tag = `orphan-${randomUUID().slice(0, 8)}`;
    const nextYear = new Date(Date.now() + 365 * 24 * 60 * MINUTE_MS).toISOString().slice(0, 16);
    const graph = promoGraph({
      znsAccountId,
      trigger: {
        type: 'trigger.schedule',
        data: { audience: { kind: 'tag', tag }, schedule: { kind: 'once', at: nextYear } },
      },
    });
    const created = await stack.ws.as.admin.post('/campaigns').send({ name: tag, graph }).expect(201);
    await stack.ws.as.admin.post(`/campaigns/${created.body.id}/publish`).expect(200);
    const [{ plan }] = (await stack.db.query(
      `SELECT v.plan FROM campaigns c JOIN campaign_versions v ON v.id = c.current_version_id WHERE c.id = $1`,
      [created.body.id],
    )) as [{ plan: Plan }];
    return { plan, tag };
  }

  /** `count` contacts with the tag, each with a phone of its own; answers id → phone. */
  async function taggedContacts(tag: string, count: number): Promise<Map<string, string>> {
    const rows = (await stack.db.query(
      `INSERT INTO contacts (workspace_id, external_id, name, phone, tags)
       SELECT $1, $2 || '-' || n, 'Khách ' || n, '849740' || lpad(($3 + n)::text, 5, '0'), ARRAY[$2]
         FROM generate_series(1, $4::int) AS n
       RETURNING id, phone`,
      [stack.ws.workspaceId, tag, phones, count],
    )) as Array<{ id: string; phone: string }>;
    phones += count;
    return new Map(rows.map((row) => [row.id, row.phone]));
  }

  const cohortIdOf = (plan: Plan) => `cohort:${plan.campaignId}:${randomUUID()}:0:0`;

  /** Writes the cohort's enrollments as its start does, without starting it, and dates them `ageMs` back. */
  async function reserveOnly(plan: Plan, contactIds: string[], ageMs: number): Promise<string> {
    const cohortId = cohortIdOf(plan);
    const members = await stack.app
      .get(CohortStarter)
      .reserve({ workspaceId: stack.ws.workspaceId, plan, cohortId, contactIds });
    expect(members).toEqual(contactIds);
    await backdate(cohortId, ageMs);
    return cohortId;
  }

  async function backdate(cohortId: string, ageMs: number): Promise<void> {
    await stack.db.query(
      `UPDATE enrollments SET entered_at = entered_at - make_interval(secs => $2),
              updated_at = updated_at - make_interval(secs => $2)
        WHERE run_id = $1`,
      [cohortId, ageMs / 1000],
    );
  }

  async function members(cohortId: string): Promise<MemberRow[]> {
    return (await stack.db.query(
      `SELECT contact_id, status, exit_reason, logged, exited_at FROM enrollments
        WHERE run_id = $1 AND cohort_workflow_id = $1 ORDER BY contact_id`,
      [cohortId],
    )) as MemberRow[];
  }

  async function ledger(campaignId: string) {
    return (await stack.db.query(
      `SELECT contact_id, recipient, status, provider_message_id FROM messages WHERE campaign_id = $1`,
      [campaignId],
    )) as Array<{
      contact_id: string;
      recipient: string;
      status: string;
      provider_message_id: string | null;
    }>;
  }

  async function stopCampaign(campaignId: string): Promise<void> {
    await stack.ws.as.admin.post(`/campaigns/${campaignId}/stop`).expect(200);
  }

  const exists = (cohortId: string) =>
    stack.client.workflow
      .getHandle(cohortId)
      .describe()
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof WorkflowNotFoundError) return false;
          throw error;
        },
      );

  it('starts a cohort of an active campaign that never started: each member gets its message once; the next pass starts nothing', async () => {
    const { plan, tag } = await publishedBroadcast();
    const phoneOf = await taggedContacts(tag, 3);
    const contactIds = [...phoneOf.keys()].sort();
    const cohortId = await reserveOnly(plan, contactIds, GRACE_MS + MINUTE_MS);
    expect(await exists(cohortId)).toBe(false);

    expect(await pass.resolveOrphans()).toEqual({ started: 1, exited: 0 });

    const done = await waitFor('every member’s journey done', async () => {
      const rows = await members(cohortId);
      if (rows.some((row) => row.status !== 'exited')) throw new Error(JSON.stringify(rows));
      return rows;
    });
    expect(done.map((row) => row.contact_id)).toEqual(contactIds);
    for (const row of done) expect(row.logged).toBeGreaterThan(0);
    expect(await stack.client.workflow.getHandle(cohortId).describe()).toMatchObject({
      type: 'cohortJourney',
      status: { name: 'COMPLETED' },
    });

    // One message per member in the ledger, each delivered once by the provider.
    const rows = await ledger(plan.campaignId);
    expect(rows.map((row) => row.contact_id).sort()).toEqual(contactIds);
    for (const row of rows) {
      expect(SENT).toContain(row.status);
      expect(row.recipient).toBe(phoneOf.get(row.contact_id));
    }
    const inbox = sandbox
      .inbox({ channel: 'zns' })
      .filter((message) => [...phoneOf.values()].includes(message.recipient));
    expect(inbox.map((message) => message.providerMessageId).sort()).toEqual(
      rows.map((row) => row.provider_message_id).sort(),
    );

    expect(await pass.resolveOrphans()).toEqual({ started: 0, exited: 0 });
    expect(await ledger(plan.campaignId)).toHaveLength(3);
  });

  it('exits the members of a stopped campaign’s cohort that never started, `stopped`, and sends nothing', async () => {
    const { plan, tag } = await publishedBroadcast();
    const contactIds = [...(await taggedContacts(tag, 2)).keys()].sort();
    const cohortId = await reserveOnly(plan, contactIds, GRACE_MS + MINUTE_MS);
    await stopCampaign(plan.campaignId);

    expect(await pass.resolveOrphans()).toEqual({ started: 0, exited: 1 });

    const rows = await members(cohortId);
    expect(rows.map((row) => row.contact_id)).toEqual(contactIds);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'exited', exit_reason: 'stopped', logged: 0 });
      expect(row.exited_at).toBeInstanceOf(Date);
    }
    expect(await exists(cohortId)).toBe(false);
    expect(await ledger(plan.campaignId)).toEqual([]);
    expect(await pass.resolveOrphans()).toEqual({ started: 0, exited: 0 });

    // The start activity's retry, coming after all, finds its members exited and starts nothing.
    const retried = await stack.app
      .get(CohortStarter)
      .start({ workspaceId: stack.ws.workspaceId, plan, cohortId, contactIds });
    expect(retried.started).toBe(2);
    expect(await exists(cohortId)).toBe(false);
  });

  it('never starts again a cohort that ran (a member recorded or left) though Temporal no longer knows it', async () => {
    const { plan, tag } = await publishedBroadcast();
    const contactIds = [...(await taggedContacts(tag, 2)).keys()].sort();
    const cohortId = await reserveOnly(plan, contactIds, GRACE_MS + MINUTE_MS);
    // As a cohort that ran, then was terminated and forgotten after its retention, leaves its members.
    await stack.db.query(`UPDATE enrollments SET logged = 3 WHERE run_id = $1 AND contact_id = $2`, [
      cohortId,
      contactIds[0],
    ]);

    expect(await pass.resolveOrphans()).toEqual({ started: 0, exited: 0 });
    expect(await exists(cohortId)).toBe(false);
    expect((await members(cohortId)).map((row) => row.status)).toEqual(['active', 'active']);
    expect(await ledger(plan.campaignId)).toEqual([]);
    await stack.db.query(
      `UPDATE enrollments SET status = 'exited', exit_reason = 'stopped', exited_at = now() WHERE run_id = $1`,
      [cohortId],
    );
  });

  it('leaves alone a cohort that runs (nothing recorded yet) and a reservation younger than the grace period', async () => {
    const { plan, tag } = await publishedBroadcast();
    const phoneOf = await taggedContacts(tag, 4);
    const [a, b, c, d] = [...phoneOf.keys()].sort() as [string, string, string, string];
    // The running cohort's sends take 10 s at the provider: until they end its members have recorded nothing.
    const slowPhones = [a, b].map((id) => phoneOf.get(id) ?? '');
    sandbox.addFault({ channel: 'zns', recipients: slowPhones, latencyMs: 10_000 });
    const running = cohortIdOf(plan);
    await stack.app
      .get(CohortStarter)
      .start({ workspaceId: stack.ws.workspaceId, plan, cohortId: running, contactIds: [a, b] });
    await waitFor('the running cohort’s sends in flight', async () => {
      const rows = await ledger(plan.campaignId);
      if (rows.length < 2 || rows.some((row) => row.status !== 'sending'))
        throw new Error(JSON.stringify(rows));
    });
    await backdate(running, GRACE_MS + MINUTE_MS);
    const young = await reserveOnly(plan, [c, d], 0);
    // Stopped: a pass that took either cohort for one that never started would exit its members.
    await stopCampaign(plan.campaignId);

    expect((await members(running)).map((row) => [row.status, row.logged])).toEqual([
      ['active', 0],
      ['active', 0],
    ]);
    expect(await pass.resolveOrphans()).toEqual({ started: 0, exited: 0 });
    expect((await members(young)).map((row) => row.status)).toEqual(['active', 'active']);
    expect(await exists(young)).toBe(false);

    // The running cohort sends its messages and ends its members itself, recording their paths.
    const ended = await waitFor('the running cohort’s members recorded their exit', async () => {
      const rows = await members(running);
      if (rows.some((row) => row.status !== 'exited')) throw new Error(JSON.stringify(rows));
      return rows;
    });
    for (const row of ended) expect(row.logged).toBeGreaterThan(0);
    expect((await ledger(plan.campaignId)).map((row) => SENT.includes(row.status))).toEqual([true, true]);
    sandbox.clearFaults();
    // Left active, the young reservation would be found by the app's own passes once 5 minutes old.
    await stack.db.query(
      `UPDATE enrollments SET status = 'exited', exit_reason = 'stopped', exited_at = now() WHERE run_id = $1`,
      [young],
    );
  });
});
