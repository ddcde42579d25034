import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import { COHORT_MEMBER_STATUS_QUERY, JOURNEY_STATUS_QUERY, type JourneyResult, type Plan } from '@loa/engine';
import type { INestApplication } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker';
import type { TestWorkspace } from '../testing/test-workspace';
import { LOA_CONFIG } from '../config/loa-config';
import { CohortStarter } from './cohort-starter.service';
import { EventRouter } from './event-router.service';
import { JourneyStarter } from './journey-starter.service';
import { waitForOrderGraph } from './testing/entry-graphs';

describe('entry into journeys: manual, CSV and events, on the Temporal dev server', () => {
  let app: INestApplication;
  let db: DataSource;
  let client: Client;
  let ws: TestWorkspace;

  let stack: ApiWithWorker | undefined;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ app, db, client, ws } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function publish(graph: unknown): Promise<string> {
    const created = await ws.as.admin
      .post('/campaigns')
      .send({ name: `Entry ${randomUUID().slice(0, 6)}`, graph })
      .expect(201);
    await ws.as.admin.post(`/campaigns/${created.body.id}/publish`).expect(200);
    return created.body.id as string;
  }

  async function contact(fields: { phone?: string; email?: string } = {}) {
    const externalId = `c-${randomUUID()}`;
    const [row] = (await db.query(
      `INSERT INTO contacts (workspace_id, external_id, phone, email) VALUES ($1, $2, $3, $4) RETURNING id`,
      [ws.workspaceId, externalId, fields.phone ?? null, fields.email ?? null],
    )) as Array<{ id: string }>;
    return { id: row!.id, externalId };
  }

  const workflowId = (campaignId: string, contactId: string) => `journey:${campaignId}:${contactId}:once`;

  async function exists(id: string): Promise<boolean> {
    try {
      await client.workflow.getHandle(id).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  async function track(
    userId: string,
    event: string,
    properties: Record<string, unknown> = {},
    timestamp?: string,
  ) {
    const messageId = `m-${randomUUID()}`;
    await ws.as.ingestKey
      .post('/v1/track')
      .send({ messageId, userId, event, properties, ...(timestamp && { timestamp }) })
      .expect(200);
    return messageId;
  }

  /** Until the router's cursor has passed the event (it was routed, or found nothing to enter). */
  async function routed(messageId: string): Promise<void> {
    await waitFor(`event ${messageId} routed`, async () => {
      const [row] = (await db.query(
        `SELECT e.processed_seq IS NOT NULL AND e.processed_seq <= c.processed_seq AS routed
           FROM events e LEFT JOIN event_routing_cursors c ON c.workspace_id = e.workspace_id
          WHERE e.workspace_id = $1 AND e.message_id = $2`,
        [ws.workspaceId, messageId],
      )) as Array<{ routed: boolean | null }>;
      if (!row?.routed)
        throw new Error(
          `not routed yet ${JSON.stringify(await db.query('SELECT e.processed_seq, c.processed_seq AS c FROM events e LEFT JOIN event_routing_cursors c ON c.workspace_id = e.workspace_id WHERE e.message_id = $1', [messageId]))}`,
        );
    });
  }

  async function activeEnrollment(id: string): Promise<void> {
    await waitFor(`enrollment of ${id} recorded`, async () => {
      const rows = (await db.query(`SELECT 1 FROM enrollments WHERE workflow_id = $1 AND status = 'active'`, [
        id,
      ])) as unknown[];
      if (rows.length === 0) throw new Error('not recorded yet');
    });
  }

  describe('manual entry', () => {
    it('enters contacts by id and identity once: the second call skips them, nothing starts twice', async () => {
      const campaignId = await publish(waitForOrderGraph({ type: 'trigger.manual' }));
      const byId = await contact();
      const byPhone = await contact({ phone: '84912000111' });
      const body = {
        contactIds: [byId.id],
        contacts: [{ phone: '0912 000 111' }, { email: 'nobody@example.vn' }],
      };

      const first = await ws.as.marketer.post(`/campaigns/${campaignId}/enrollments`).send(body).expect(200);
      expect(first.body).toMatchObject({ started: 2, skipped: 1 });
      expect(first.body.results).toEqual([
        {
          ref: { contactId: byId.id },
          contactId: byId.id,
          status: 'started',
          workflowId: workflowId(campaignId, byId.id),
        },
        {
          ref: { phone: '84912000111' },
          contactId: byPhone.id,
          status: 'started',
          workflowId: workflowId(campaignId, byPhone.id),
        },
        {
          ref: { email: 'nobody@example.vn' },
          contactId: null,
          status: 'skipped',
          reason: 'contact_not_found',
        },
      ]);
      const runId = (await client.workflow.getHandle(workflowId(campaignId, byId.id)).describe()).runId;

      const second = await ws.as.writeKey.post(`/campaigns/${campaignId}/enrollments`).send(body).expect(200);
      expect(second.body).toMatchObject({ started: 0, skipped: 3 });
      expect(second.body.results.map((result: { reason: string }) => result.reason)).toEqual([
        'already_enrolled',
        'already_enrolled',
        'contact_not_found',
      ]);
      const described = await client.workflow.getHandle(workflowId(campaignId, byId.id)).describe();
      expect([described.runId, described.status.name]).toEqual([runId, 'RUNNING']);

      const csv = await ws.as.admin
        .post(`/campaigns/${campaignId}/enrollments/csv`)
        .send({ csv: `name,phone\nLan,0912000111\nMai,${'0'}` })
        .expect(422);
      expect(csv.body.errors).toEqual([
        { in: 'body', field: 'csv.row.3', message: 'phone is not a valid Vietnamese mobile number' },
      ]);
      const fromCsv = await ws.as.admin
        .post(`/campaigns/${campaignId}/enrollments/csv`)
        .send({ csv: `\ufeffexternalId\n${byId.externalId}\n${randomUUID()}\n` })
        .expect(200);
      expect(fromCsv.body.results.map((result: { reason: string }) => result.reason)).toEqual([
        'already_enrolled',
        'contact_not_found',
      ]);

      const bad = await ws.as.marketer
        .post(`/campaigns/${campaignId}/enrollments`)
        .send({ contacts: [{ phone: '12' }] })
        .expect(422);
      expect(bad.body.errors[0].field).toBe('contacts.0.phone');
      await ws.as.analyst.post(`/campaigns/${campaignId}/enrollments`).send(body).expect(403);
      await ws.as.marketer.post(`/campaigns/${randomUUID()}/enrollments`).send(body).expect(404);
    });

    it('a manual entry and a cohort reserving the same contact at the same moment start one journey', async () => {
      const campaignId = await publish(waitForOrderGraph({ type: 'trigger.manual' }));
      const [{ plan }] = (await db.query(
        `SELECT v.plan FROM campaigns c JOIN campaign_versions v ON v.id = c.current_version_id WHERE c.id = $1`,
        [campaignId],
      )) as Array<{ plan: Plan }>;
      const lan = await contact();
      // The manual entry's Temporal start is held until the cohort has tried to reserve Lan.
      let reached!: () => void;
      const atTemporal = new Promise<void>((resolve) => (reached = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const workflows = new Proxy(client.workflow, {
        get(target, name, receiver) {
          if (name !== 'start') return Reflect.get(target, name, receiver) as unknown;
          return async (...args: Parameters<Client['workflow']['start']>) => {
            reached();
            await released;
            return target.start(...args);
          };
        },
      });
      const slowStart = new JourneyStarter(
        db,
        { workflow: workflows } as unknown as Client,
        app.get(LOA_CONFIG),
      );
      const manual = slowStart.enter({ workspaceId: ws.workspaceId, campaignId, plan }, lan.id);
      await atTemporal;
      // Lan's entry has claimed her journey and waits for Temporal: the cohort skips her without waiting.
      const cohortId = `cohort-${randomUUID()}`;
      const cohort = await app
        .get(CohortStarter)
        .start({ workspaceId: ws.workspaceId, plan, cohortId, contactIds: [lan.id] });
      release();
      expect(cohort).toEqual({ started: 0, skipped: 1 });
      expect(await manual).toMatchObject({ status: 'started' });
      expect(await exists(cohortId)).toBe(false);
      expect(
        await db.query(`SELECT cohort_workflow_id, status FROM enrollments WHERE workflow_id = $1`, [
          workflowId(campaignId, lan.id),
        ]),
      ).toEqual([{ cohort_workflow_id: null, status: 'active' }]);
      // The claim is dropped once the enrollment row is written.
      expect(
        await db.query('SELECT 1 FROM journey_entry_claims WHERE workflow_id = $1', [
          workflowId(campaignId, lan.id),
        ]),
      ).toEqual([]);
    });

    it('admits no more than settings.enrollmentLimit under concurrent entries', async () => {
      const campaignId = await publish(waitForOrderGraph({ type: 'trigger.manual' }, { enrollmentLimit: 3 }));
      const contacts = await Promise.all(Array.from({ length: 8 }, () => contact()));
      const answers = await Promise.all(
        contacts.map((c) =>
          ws.as.writeKey
            .post(`/campaigns/${campaignId}/enrollments`)
            .send({ contactIds: [c.id] })
            .expect(200),
        ),
      );
      const results = answers.flatMap(
        (answer) => answer.body.results as Array<{ status: string; reason?: string }>,
      );
      expect(results.filter((result) => result.status === 'started')).toHaveLength(3);
      expect(results.filter((result) => result.reason === 'enrollment_limit_reached')).toHaveLength(5);
      const running = await Promise.all(contacts.map((c) => exists(workflowId(campaignId, c.id))));
      expect(running.filter(Boolean)).toHaveLength(3);
      const [count] = (await db.query(`SELECT entered FROM campaign_entry_counts WHERE campaign_id = $1`, [
        campaignId,
      ])) as Array<{ entered: number }>;
      expect(count!.entered).toBe(3);
    });

    it('gives a paused campaign no new entries', async () => {
      const campaignId = await publish(waitForOrderGraph({ type: 'trigger.manual' }));
      await ws.as.admin.post(`/campaigns/${campaignId}/pause`).expect(200);
      const c = await contact();
      const answer = await ws.as.marketer
        .post(`/campaigns/${campaignId}/enrollments`)
        .send({ contactIds: [c.id] })
        .expect(409);
      expect(answer.body).toMatchObject({ type: 'urn:loa:problem:campaign-state', state: 'paused' });
      expect(await exists(workflowId(campaignId, c.id))).toBe(false);
    });
  });

  describe('event entry and routing', () => {
    const cartAbandoned = {
      type: 'trigger.event' as const,
      data: {
        event: 'cart.abandoned',
        filter: { match: 'all', conditions: [{ field: 'total', operator: 'greater_than', value: 100000 }] },
      },
    };

    it('enters by a tracked event that passes the trigger filter and reaches the journey waiting on wait.event', async () => {
      const campaignId = await publish(waitForOrderGraph(cartAbandoned));
      const lan = await contact();
      const small = await track(lan.externalId, 'cart.abandoned', { total: 50000 });
      await routed(small);
      expect(await exists(workflowId(campaignId, lan.id))).toBe(false);

      const big = await track(lan.externalId, 'cart.abandoned', { total: 250000 });
      await routed(big);
      const id = workflowId(campaignId, lan.id);
      await activeEnrollment(id);
      const [enrollment] = (await db.query(`SELECT entry_event_id FROM enrollments WHERE workflow_id = $1`, [
        id,
      ])) as Array<{ entry_event_id: string }>;
      expect(enrollment!.entry_event_id).toBe(big);

      await track(lan.externalId, 'order.completed', { orderId: 'DH1' });
      const result = (await client.workflow.getHandle(id).result()) as JourneyResult;
      expect(result.exitReason).toBe('ordered');
    });

    it('changes nothing when the same events are routed again (at least once)', async () => {
      const campaignId = await publish(waitForOrderGraph(cartAbandoned));
      const mai = await contact();
      const entered = await track(mai.externalId, 'cart.abandoned', { total: 300000 });
      await routed(entered);
      const id = workflowId(campaignId, mai.id);
      await activeEnrollment(id);
      const handle = client.workflow.getHandle(id);
      const before = await handle.query(JOURNEY_STATUS_QUERY);
      const runId = (await handle.describe()).runId;

      await db.query(`UPDATE event_routing_cursors SET processed_seq = 0 WHERE workspace_id = $1`, [
        ws.workspaceId,
      ]);
      expect(await app.get(EventRouter).route(ws.workspaceId)).toBeGreaterThan(0);

      expect(await handle.query(JOURNEY_STATUS_QUERY)).toEqual(before);
      const after = await handle.describe();
      expect([after.runId, after.status.name]).toEqual([runId, 'RUNNING']);
      const rows = (await db.query(`SELECT count(*)::int AS n FROM enrollments WHERE workflow_id = $1`, [
        id,
      ])) as Array<{
        n: number;
      }>;
      expect(rows[0]!.n).toBe(1);
    });

    it('leaves a contact a cohort runs in the campaign in its cohort: its entry event and the next reach it there, and it does not enter again once the cohort ran it', async () => {
      const campaignId = await publish(waitForOrderGraph(cartAbandoned));
      const [{ plan }] = (await db.query(
        `SELECT v.plan FROM campaigns c JOIN campaign_versions v ON v.id = c.current_version_id WHERE c.id = $1`,
        [campaignId],
      )) as Array<{ plan: Plan }>;
      const cuc = await contact();
      const cohortId = `cohort-${randomUUID()}`;
      await app
        .get(CohortStarter)
        .start({ workspaceId: ws.workspaceId, plan, cohortId, contactIds: [cuc.id] });
      const cohort = client.workflow.getHandle(cohortId);
      await waitFor('the member waiting for its order', async () => {
        expect(await cohort.query(COHORT_MEMBER_STATUS_QUERY, cuc.id)).toMatchObject({ stepId: 'wait' });
      });

      await routed(await track(cuc.externalId, 'cart.abandoned', { total: 250000 }));
      // No journey of its own beside the cohort's.
      expect(await exists(workflowId(campaignId, cuc.id))).toBe(false);
      await track(cuc.externalId, 'order.completed', { orderId: 'DH9' });
      expect(await cohort.result()).toMatchObject({ exited: 1, exitReasons: { ordered: 1 } });
      await waitFor('the member’s exit recorded', async () => {
        expect(
          await db.query(`SELECT cohort_workflow_id, exit_reason FROM enrollments WHERE campaign_id = $1`, [
            campaignId,
          ]),
        ).toEqual([{ cohort_workflow_id: cohortId, exit_reason: 'ordered' }]);
      });

      // Its journey ran, in the cohort, and re-entry is `never`: the next entry event enters it nowhere.
      await routed(await track(cuc.externalId, 'cart.abandoned', { total: 260000 }));
      expect(await exists(workflowId(campaignId, cuc.id))).toBe(false);
      const rows = (await db.query('SELECT count(*)::int AS n FROM enrollments WHERE campaign_id = $1', [
        campaignId,
      ])) as Array<{ n: number }>;
      expect(rows[0]!.n).toBe(1);
    });

    it('gives a paused campaign no entries from events, and enters again once it is resumed', async () => {
      const campaignId = await publish(
        waitForOrderGraph({ type: 'trigger.event', data: { event: 'promo.viewed' } }),
      );
      await ws.as.admin.post(`/campaigns/${campaignId}/pause`).expect(200);
      const hoa = await contact();
      await routed(await track(hoa.externalId, 'promo.viewed'));
      expect(await exists(workflowId(campaignId, hoa.id))).toBe(false);

      await ws.as.admin.post(`/campaigns/${campaignId}/resume`).expect(200);
      await routed(await track(hoa.externalId, 'promo.viewed'));
      expect(await exists(workflowId(campaignId, hoa.id))).toBe(true);
    });

    it('re-enters after exit (after_exit) as a new enrollment row, written as the new journey starts', async () => {
      const graph = {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.event', position: { x: 0, y: 0 }, data: { event: 'coupon.viewed' } },
          { id: 'done', type: 'flow.exit', position: { x: 0, y: 150 }, data: { reason: 'seen' } },
        ],
        edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'done' }],
        settings: { timezone: 'Asia/Ho_Chi_Minh', reEntry: { mode: 'after_exit' } },
      };
      const campaignId = await publish(graph);
      const thu = await contact();
      const id = workflowId(campaignId, thu.id);
      const rows = async () =>
        (await db.query(`SELECT run_id, status FROM enrollments WHERE workflow_id = $1 ORDER BY entered_at`, [
          id,
        ])) as Array<{ run_id: string; status: string }>;
      await routed(await track(thu.externalId, 'coupon.viewed'));
      await client.workflow.getHandle(id).result();
      await waitFor('the first journey recorded its exit', async () => {
        if ((await rows()).some((row) => row.status !== 'exited')) throw new Error('not exited yet');
      });

      await routed(await track(thu.externalId, 'coupon.viewed'));
      const second = await rows();
      expect(second).toHaveLength(2);
      expect(new Set(second.map((row) => row.run_id)).size).toBe(2);
      expect(second[1]!.run_id).toBe((await client.workflow.getHandle(id).describe()).runId);
    });

    it('enters no campaign by an event from before it went live, nor by a backfilled one', async () => {
      const campaignId = await publish(
        waitForOrderGraph({ type: 'trigger.event', data: { event: 'order.refunded' } }),
      );
      const hour = 60 * 60 * 1000;
      const cuc = await contact();
      await routed(
        await track(cuc.externalId, 'order.refunded', {}, new Date(Date.now() - hour).toISOString()),
      );
      const dao = await contact();
      // As if the campaign had gone live three days ago: an earlier version row (versions cannot be changed).
      await db.query(
        `INSERT INTO campaign_versions (id, workspace_id, campaign_id, version, graph, plan, hash, published_by,
           published_at)
         SELECT gen_random_uuid(), workspace_id, campaign_id, 99, graph, plan, 'earlier', published_by,
                now() - interval '3 days'
           FROM campaign_versions WHERE campaign_id = $1`,
        [campaignId],
      );
      await routed(
        await track(dao.externalId, 'order.refunded', {}, new Date(Date.now() - 25 * hour).toISOString()),
      );
      expect(await exists(workflowId(campaignId, cuc.id))).toBe(false);
      expect(await exists(workflowId(campaignId, dao.id))).toBe(false);

      await routed(
        await track(dao.externalId, 'order.refunded', {}, new Date(Date.now() - hour).toISOString()),
      );
      expect(await exists(workflowId(campaignId, dao.id))).toBe(true);
    });
  });

  describe('segment entry', () => {
    it('enters contacts that start matching the segment, not those already in it when it was published', async () => {
      const tag = `vip-${randomUUID().slice(0, 8)}`;
      const before = await contact();
      await ws.as.marketer
        .patch(`/contacts/${before.id}`)
        .send({ tags: { add: [tag] } })
        .expect(200);
      const segment = await ws.as.marketer
        .post('/segments')
        .send({ name: tag, rule: { match: 'all', rules: [{ kind: 'tag', tag }] } })
        .expect(201);
      const segmentId = segment.body.id as string;
      await waitFor('the first member', async () => {
        const rows = (await db.query(`SELECT 1 FROM segment_memberships WHERE segment_id = $1`, [
          segmentId,
        ])) as unknown[];
        if (rows.length === 0) throw new Error('no member yet');
      });
      const campaignId = await publish(waitForOrderGraph({ type: 'trigger.segment', data: { segmentId } }));

      const after = await contact();
      await ws.as.marketer
        .patch(`/contacts/${after.id}`)
        .send({ tags: { add: [tag] } })
        .expect(200);
      await waitFor('the new member enters', async () => {
        if (!(await exists(workflowId(campaignId, after.id)))) throw new Error('not entered yet');
      });
      expect(await exists(workflowId(campaignId, before.id))).toBe(false);
    });
  });
});
