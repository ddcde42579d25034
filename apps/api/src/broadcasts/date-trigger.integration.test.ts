import { randomUUID } from 'node:crypto';
import { waitFor } from '@loa/testing';
import type { CampaignRunInput, DateAudience } from '@loa/engine';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker';
import type { TestWorkspace } from '../testing/test-workspace';
import { AudiencePages } from './audience-pages';
import { campaignScheduleId } from './campaign-schedule-spec';
import { reachedGraph } from './testing/broadcast-graphs';

const TZ = 'Asia/Ho_Chi_Minh';

describe('trigger.date: a daily schedule enrolling contacts whose date plus offset is today', () => {
  let workerApp: INestApplicationContext;
  let db: DataSource;
  let client: Client;
  let ws: TestWorkspace;

  let stack: ApiWithWorker | undefined;

  beforeAll(async () => {
    stack = await startApiWithWorker();
    ({ workerApp, db, client, ws } = stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function contactWith(attributes: Record<string, unknown>): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO contacts (workspace_id, external_id, attributes) VALUES ($1, $2, $3) RETURNING id`,
      [ws.workspaceId, `c-${randomUUID()}`, JSON.stringify(attributes)],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  async function all(audience: DateAudience): Promise<string[]> {
    const pages = workerApp.get(AudiencePages);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await pages.fetch({ workspaceId: ws.workspaceId, audience, cursor, pageSize: 2 });
      ids.push(...page.contactIds);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return ids.sort();
  }

  it('pages the contacts whose date plus offset falls on the day: birthdays ignore the year, one-off dates do not', async () => {
    const key = `d${randomUUID().slice(0, 8)}`;
    const inThreeDays = await contactWith({ [key]: '1990-12-04' });
    const otherDay = await contactWith({ [key]: '1990-12-05' });
    const sameDayAnotherYear = await contactWith({ [key]: '1992-03-03' });
    await contactWith({ other: '1990-12-04' });
    await contactWith({ [key]: 'not a date' });
    const renewal = await contactWith({ [key]: '2026-12-04' });
    const lastYearsRenewal = await contactWith({ [key]: '2025-12-04' });
    const base = { attribute: key, timeOfDay: '09:00', timezone: TZ, kind: 'date' as const };

    const yearly = await all({ ...base, offsetDays: -3, recurring: 'yearly', on: '2026-12-01' });
    expect(yearly).toEqual([inThreeDays, renewal, lastYearsRenewal].sort());
    expect(yearly).not.toContain(otherDay);
    expect(await all({ ...base, offsetDays: -3, recurring: 'once', on: '2026-12-01' })).toEqual([renewal]);
    expect(await all({ ...base, offsetDays: 0, recurring: 'yearly', on: '2027-03-03' })).toEqual([
      sameDayAnotherYear,
    ]);
    expect(
      await all({
        ...base,
        attribute: `attributes.${key}`,
        offsetDays: 0,
        recurring: 'once',
        on: '2025-12-04',
      }),
    ).toEqual([lastYearsRenewal]);
  });

  it('creates a daily schedule at the time of day whose run enters today’s contacts', async () => {
    const key = `bd${randomUUID().slice(0, 8)}`;
    await ws.as.admin
      .post('/contacts/attributes')
      .send({ key, label: 'Sinh nhật', type: 'date' })
      .expect(201);
    const today = DateTime.now().setZone(TZ);
    const birthday = await contactWith({ [key]: today.minus({ years: 30 }).toISODate() });
    await contactWith({ [key]: today.plus({ days: 1 }).minus({ years: 30 }).toISODate() });
    const graph = reachedGraph({
      type: 'trigger.date',
      data: { attribute: key, offsetDays: 0, timeOfDay: '08:15', recurring: 'yearly' },
    });
    const created = await ws.as.admin
      .post('/campaigns')
      .send({ name: `Sinh nhật ${key}`, graph })
      .expect(201);
    const campaignId = created.body.id as string;
    await ws.as.admin.post(`/campaigns/${campaignId}/publish`).expect(200);

    const handle = client.schedule.getHandle(campaignScheduleId(campaignId));
    await waitFor('the daily schedule', () => handle.describe());
    const described = await handle.describe();
    expect(described.spec.timezone).toBe(TZ);
    expect(described.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 8, end: 8, step: 1 }],
      minute: [{ start: 15, end: 15, step: 1 }],
    });
    expect((described.action.args?.[0] as CampaignRunInput).audience).toEqual({
      kind: 'date',
      attribute: key,
      offsetDays: 0,
      timeOfDay: '08:15',
      recurring: 'yearly',
      timezone: TZ,
    });

    await handle.trigger();
    await waitFor('today’s contact entered', async () => {
      const rows = (await db.query(
        `SELECT contact_id FROM enrollments WHERE campaign_id = $1 AND status = 'exited'`,
        [campaignId],
      )) as Array<{ contact_id: string }>;
      if (rows.length === 0) throw new Error('nobody yet');
    });
    const runs = await client.workflow.list({ query: `WorkflowId STARTS_WITH 'campaign-run:${campaignId}'` });
    for await (const run of runs) await client.workflow.getHandle(run.workflowId).result();
    const enrolled = (await db.query(`SELECT contact_id FROM enrollments WHERE campaign_id = $1`, [
      campaignId,
    ])) as Array<{
      contact_id: string;
    }>;
    expect(enrolled.map((row) => row.contact_id)).toEqual([birthday]);
    await ws.as.admin.post(`/campaigns/${campaignId}/stop`).expect(200);
  });
});
