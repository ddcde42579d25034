import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import type { CampaignRunInput } from '@loa/engine';
import { Client, ScheduleNotFoundError, type ScheduleDescription } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { campaignScheduleId } from './campaign-schedule-spec';
import type { CampaignSchedule } from './campaign-schedule.schemas';
import { reachedGraph } from './testing/broadcast-graphs';

describe('trigger.schedule: a Temporal Schedule per campaign, on the dev server', () => {
  let db: DataSource;
  let client: Client;
  let ws: TestWorkspace;

  let stack: ApiWithWorker | undefined;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ db, client, ws } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const scheduleTrigger = (tag: string, schedule: Record<string, unknown>, reason = 'reached') => {
    const graph = reachedGraph({
      type: 'trigger.schedule',
      data: {
        audience: { kind: 'tag', tag },
        schedule,
        timezone: 'Asia/Ho_Chi_Minh',
        endsAt: '2036-01-01T00:00',
      },
    });
    graph.nodes[1]!.data = { reason };
    return graph;
  };

  async function described(campaignId: string, check: (d: ScheduleDescription) => boolean, what: string) {
    let last: ScheduleDescription | undefined;
    await waitFor(what, async () => {
      last = await client.schedule.getHandle(campaignScheduleId(campaignId)).describe();
      if (!check(last)) throw new Error(`not yet: paused ${last.state.paused}`);
    });
    return last!;
  }

  const runInput = (d: ScheduleDescription) => d.action.args?.[0] as CampaignRunInput;

  it('creates the schedule on publish, fires a campaignRun over the audience, follows pause, resume, new versions and stop', async () => {
    const tag = `sched-${randomUUID().slice(0, 8)}`;
    const members = (await db.query(
      `INSERT INTO contacts (workspace_id, external_id, tags)
       SELECT $1, 'c-' || gen_random_uuid(), ARRAY[$2] FROM generate_series(1, 40) RETURNING id`,
      [ws.workspaceId, tag],
    )) as Array<{ id: string }>;
    const created = await ws.as.admin
      .post('/campaigns')
      .send({
        name: `Broadcast ${tag}`,
        graph: scheduleTrigger(tag, { kind: 'recurring', cron: '0 9 * * 1' }),
      })
      .expect(201);
    const campaignId = created.body.id as string;
    const scheduleView = async () =>
      (await ws.as.analyst.get(`/campaigns/${campaignId}/schedule`).expect(200)).body as CampaignSchedule;
    expect(await scheduleView()).toEqual({
      scheduled: false,
      paused: false,
      nextRuns: [],
      recentRuns: [],
      runningRuns: 0,
    });
    const published = await ws.as.admin.post(`/campaigns/${campaignId}/publish`).expect(200);
    const firstVersion = published.body.version.id as string;

    const schedule = await described(campaignId, (d) => !d.state.paused, 'the schedule created');
    expect(schedule.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(schedule.spec.endAt?.toISOString()).toBe('2035-12-31T17:00:00.000Z');
    expect(runInput(schedule)).toMatchObject({
      workspaceId: ws.workspaceId,
      audience: { kind: 'tag', tag },
      plan: { versionId: firstVersion },
    });

    const upcoming = await scheduleView();
    expect(upcoming).toMatchObject({ scheduled: true, paused: false, recentRuns: [] });
    // Mondays at 09:00 in Vietnam (UTC+7), in order, from now on.
    expect(upcoming.nextRuns).toHaveLength(5);
    for (const [index, run] of upcoming.nextRuns.entries()) {
      const at = new Date(run);
      expect([at.getUTCDay(), at.getUTCHours(), at.getUTCMinutes()]).toEqual([1, 2, 0]);
      expect(at.getTime()).toBeGreaterThan(
        index === 0 ? Date.now() : Date.parse(upcoming.nextRuns[index - 1]!),
      );
    }

    await client.schedule.getHandle(campaignScheduleId(campaignId)).trigger();
    await waitFor('every audience contact’s journey exited', async () => {
      const [row] = (await db.query(
        `SELECT count(*)::int AS n FROM enrollments WHERE campaign_id = $1 AND status = 'exited'`,
        [campaignId],
      )) as Array<{ n: number }>;
      if (row!.n < members.length) throw new Error(`${row!.n} so far`);
    });
    const enrolled = (await db.query(`SELECT contact_id FROM enrollments WHERE campaign_id = $1`, [
      campaignId,
    ])) as Array<{ contact_id: string }>;
    expect(enrolled.map((row) => row.contact_id).sort()).toEqual(members.map((m) => m.id).sort());
    const afterRun = await scheduleView();
    expect(afterRun.recentRuns).toHaveLength(1);
    expect(Date.parse(afterRun.recentRuns[0]!.startedAt)).toBeLessThanOrEqual(Date.now());

    await ws.as.admin.post(`/campaigns/${campaignId}/pause`).expect(200);
    await described(campaignId, (d) => d.state.paused, 'the schedule paused');
    expect(await scheduleView()).toMatchObject({ scheduled: true, paused: true });
    await ws.as.admin.post(`/campaigns/${campaignId}/resume`).expect(200);
    await described(campaignId, (d) => !d.state.paused, 'the schedule resumed');

    const draft = await ws.as.admin.get(`/campaigns/${campaignId}/draft`).expect(200);
    await ws.as.admin
      .put(`/campaigns/${campaignId}/draft`)
      .send({
        revision: draft.body.revision,
        graph: scheduleTrigger(tag, { kind: 'once', at: '2035-06-01T09:30' }, 'v2'),
      })
      .expect(200);
    const second = await ws.as.admin.post(`/campaigns/${campaignId}/publish`).expect(200);
    const replaced = await described(
      campaignId,
      (d) => runInput(d).plan.versionId === second.body.version.id,
      'the schedule’s action replaced by version 2',
    );
    expect(replaced.spec.calendars).toEqual([
      expect.objectContaining({
        year: [{ start: 2035, end: 2035, step: 1 }],
        hour: [{ start: 9, end: 9, step: 1 }],
      }),
    ]);

    await ws.as.admin.post(`/campaigns/${campaignId}/stop`).expect(200);
    await waitFor('the schedule deleted', async () => {
      try {
        await client.schedule.getHandle(campaignScheduleId(campaignId)).describe();
      } catch (error) {
        if (error instanceof ScheduleNotFoundError) return;
        throw error;
      }
      throw new Error('still there');
    });
    expect((await scheduleView()).scheduled).toBe(false);
  });

  it('answers 404 for a campaign of another workspace', async () => {
    const other = await ws.as.admin
      .post('/campaigns')
      .send({
        name: 'Elsewhere',
        graph: scheduleTrigger('elsewhere', { kind: 'recurring', cron: '0 9 * * 1' }),
      })
      .expect(201);
    const stranger = await seedTestWorkspace(stack!.app, 'Stranger');
    await stranger.as.admin.get(`/campaigns/${other.body.id as string}/schedule`).expect(404);
  });
});
