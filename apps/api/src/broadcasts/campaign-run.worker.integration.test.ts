import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import {
  CAMPAIGN_RUN_WORKFLOW,
  type CampaignRunInput,
  type CampaignRunProgress,
  type Plan,
} from '@loa/engine';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { LoaConfig } from '../config/loa-config';
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker';
import type { TestWorkspace } from '../testing/test-workspace';
import { JourneyStarter } from '../enrollment/journey-starter.service';
import { AudiencePages } from './audience-pages';
import { createCampaignRunActivities } from './campaign-run.activities';
import { CohortStarter } from '../enrollment/cohort-starter.service';
import { reachedGraph } from './testing/broadcast-graphs';

describe('campaignRun with the worker’s activities, on the Temporal dev server', () => {
  let config: LoaConfig;
  let workerApp: INestApplicationContext;
  let db: DataSource;
  let client: Client;
  let ws: TestWorkspace;

  let stack: ApiWithWorker | undefined;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ config, workerApp, db, client, ws } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** `count` live contacts with the tag, plus an erased and a merged one that carry it too. */
  async function taggedContacts(tag: string, count: number): Promise<string[]> {
    const rows = (await db.query(
      `INSERT INTO contacts (workspace_id, external_id, tags)
       SELECT $1, 'c-' || gen_random_uuid(), ARRAY[$2] FROM generate_series(1, $3) RETURNING id`,
      [ws.workspaceId, tag, count],
    )) as Array<{ id: string }>;
    const ids = rows.map((row) => row.id);
    await db.query(`INSERT INTO contacts (workspace_id, tags, erased_at) VALUES ($1, ARRAY[$2], now())`, [
      ws.workspaceId,
      tag,
    ]);
    await db.query(`INSERT INTO contacts (workspace_id, tags, merged_into) VALUES ($1, ARRAY[$2], $3)`, [
      ws.workspaceId,
      tag,
      ids[0],
    ]);
    return ids;
  }

  async function publishedPlan(graph: unknown): Promise<Plan> {
    const created = await ws.as.admin
      .post('/campaigns')
      .send({ name: `Run ${randomUUID().slice(0, 6)}`, graph })
      .expect(201);
    await ws.as.admin.post(`/campaigns/${created.body.id}/publish`).expect(200);
    const [row] = (await db.query(
      `SELECT v.plan FROM campaigns c JOIN campaign_versions v ON v.id = c.current_version_id WHERE c.id = $1`,
      [created.body.id],
    )) as Array<{ plan: Plan }>;
    return row!.plan;
  }

  async function run(input: Omit<CampaignRunInput, 'workspaceId' | 'runId'>): Promise<CampaignRunProgress> {
    const runId = `run-${randomUUID()}`;
    return client.workflow.execute(CAMPAIGN_RUN_WORKFLOW, {
      taskQueue: config.temporal.taskQueue,
      workflowId: runId,
      args: [{ workspaceId: ws.workspaceId, runId, ...input } satisfies CampaignRunInput],
    });
  }

  it('runs over a segment of 300 contacts and starts each journey exactly once; a second run starts none', async () => {
    const tag = `run-${randomUUID().slice(0, 8)}`;
    const members = await taggedContacts(tag, 300);
    const segment = await ws.as.marketer
      .post('/segments')
      .send({ name: tag, rule: { match: 'all', rules: [{ kind: 'tag', tag }] } })
      .expect(201);
    const segmentId = segment.body.id as string;
    await waitFor('the segment’s members', async () => {
      const [row] = (await db.query(
        `SELECT count(*)::int AS n FROM segment_memberships WHERE segment_id = $1`,
        [segmentId],
      )) as Array<{ n: number }>;
      if (row!.n < 300) throw new Error(`${row!.n} members so far`);
    });
    const plan = await publishedPlan(reachedGraph());
    const audience = { kind: 'segment' as const, segmentId };
    const sizes = { pageSize: 64, batchSize: 16, batchConcurrency: 3, pagesPerRun: 2 };

    const first = await run({ plan, audience, ...sizes });
    expect(first).toEqual({
      execution: 'contact',
      pages: 5,
      contactsSeen: 300,
      journeysStarted: 300,
      journeysSkipped: 0,
      state: 'completed',
    });
    await waitFor('every journey recorded its exit', async () => {
      const [row] = (await db.query(
        `SELECT count(*)::int AS n FROM enrollments WHERE campaign_id = $1 AND status = 'exited'`,
        [plan.campaignId],
      )) as Array<{ n: number }>;
      if (row!.n < 300) throw new Error(`${row!.n} exited so far`);
    });
    const enrolled = (await db.query(
      `SELECT contact_id, count(*)::int AS n FROM enrollments WHERE campaign_id = $1 GROUP BY contact_id`,
      [plan.campaignId],
    )) as Array<{ contact_id: string; n: number }>;
    expect(enrolled.map((row) => row.contact_id).sort()).toEqual([...members].sort());
    expect(enrolled.every((row) => row.n === 1)).toBe(true);

    const second = await run({ plan, audience, ...sizes });
    expect(second).toMatchObject({ contactsSeen: 300, journeysStarted: 0, journeysSkipped: 300 });
    const [total] = (await db.query(`SELECT count(*)::int AS n FROM enrollments WHERE campaign_id = $1`, [
      plan.campaignId,
    ])) as Array<{ n: number }>;
    expect(total!.n).toBe(300);
  });

  it('pages a tag or the whole workspace by a stable cursor, leaving out erased and merged contacts', async () => {
    const pages = workerApp.get(AudiencePages);
    const tag = `page-${randomUUID().slice(0, 8)}`;
    const tagged = await taggedContacts(tag, 7);
    const collect = async (audience: Parameters<AudiencePages['fetch']>[0]['audience']) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await pages.fetch({ workspaceId: ws.workspaceId, audience, cursor, pageSize: 3 });
        const again = await pages.fetch({ workspaceId: ws.workspaceId, audience, cursor, pageSize: 3 });
        expect(again).toEqual(page);
        seen.push(...page.contactIds);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return seen;
    };
    expect(await collect({ kind: 'tag', tag })).toEqual([...tagged].sort());
    const all = await collect({ kind: 'all' });
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(tagged));
    const [live] = (await db.query(
      `SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1 AND erased_at IS NULL AND merged_into IS NULL`,
      [ws.workspaceId],
    )) as Array<{ n: number }>;
    expect(all).toHaveLength(live!.n);
    const elsewhere = await pages.fetch({
      workspaceId: randomUUID(),
      audience: { kind: 'tag', tag },
      cursor: null,
      pageSize: 3,
    });
    expect(elsewhere).toEqual({ contactIds: [], nextCursor: null });
  });

  it('reports the contacts a retried batch started before as skipped, and keeps to the enrollment limit', async () => {
    const activities = createCampaignRunActivities(
      workerApp.get(AudiencePages),
      workerApp.get(JourneyStarter),
      workerApp.get(CohortStarter),
    );
    const contactIds = await taggedContacts(`retry-${randomUUID().slice(0, 8)}`, 10);
    const plan = await publishedPlan(reachedGraph());
    const batch = (ids: string[]) =>
      activities.startJourneys({ workspaceId: ws.workspaceId, plan, runId: 'retry', contactIds: ids });

    expect(await batch(contactIds.slice(0, 4))).toEqual({ started: 4, skipped: 0 });
    expect(await batch(contactIds)).toEqual({ started: 6, skipped: 4 });
    expect(await batch(contactIds)).toEqual({ started: 0, skipped: 10 });

    const limited = await publishedPlan(reachedGraph({ type: 'trigger.manual' }, { enrollmentLimit: 3 }));
    const progress = await run({ plan: limited, audience: { kind: 'tag', tag: 'nobody' } });
    expect(progress).toMatchObject({ journeysStarted: 0, state: 'completed' });
    expect(
      await activities.startJourneys({
        workspaceId: ws.workspaceId,
        plan: limited,
        runId: 'limit',
        contactIds,
      }),
    ).toEqual({ started: 3, skipped: 7 });
  });
});
