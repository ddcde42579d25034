import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { insertCampaign } from '../journeys/testing/campaign-rows';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { insertContact } from './testing/run-fixtures';

interface JourneyItem {
  id: string;
  campaignId: string;
  campaignName: string;
  status: string;
  currentStep: string | null;
  exitReason: string | null;
  enteredAt: string;
  path: Array<{ seq: number; stepId: string; outcome: string; at: string }>;
}
interface JourneyPage {
  items: JourneyItem[];
  nextCursor: string | null;
}

describe('GET /contacts/{id}/journeys (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: DataSource;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
  });

  afterAll(async () => {
    await app.close();
  });

  /** An enrollment row as the journey workflow records it. */
  async function enrollment(input: {
    workspaceId: string;
    campaignId: string;
    contactId: string;
    enteredAt: string;
    exited?: string;
  }): Promise<string> {
    const [row] = (await db.query(
      `INSERT INTO enrollments (workspace_id, campaign_id, version_id, contact_id, workflow_id, run_id, entry_key,
         status, current_step, exit_reason, logged, entered_at, updated_at, exited_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'once', $7, $8, $9, 0, $10, $10, $11) RETURNING id`,
      [
        input.workspaceId,
        input.campaignId,
        randomUUID(),
        input.contactId,
        `journey-${randomUUID()}`,
        randomUUID(),
        input.exited ? 'exited' : 'active',
        input.exited ? 'done' : 'wait',
        input.exited ? 'done' : null,
        input.enteredAt,
        input.exited ?? null,
      ],
    )) as Array<{ id: string }>;
    return row!.id;
  }

  /** Step events as the journey recorder stores them, given in `seq` order, inserted last first. */
  async function stepEvents(enrollmentId: string, events: Array<[string, string, string]>) {
    for (const [seq, [stepId, outcome, at]] of [...events.entries()].reverse())
      await db.query(
        'INSERT INTO step_events (enrollment_id, seq, step_id, outcome, at) VALUES ($1, $2, $3, $4, $5)',
        [enrollmentId, seq, stepId, outcome, at],
      );
  }

  it('gives each journey its recorded path, oldest step first, without other journeys’ steps', async () => {
    const contactId = await insertContact(app, ws.workspaceId);
    const campaignId = await insertCampaign(db, { workspaceId: ws.workspaceId, name: 'Đường đi' });
    const first = await enrollment({
      workspaceId: ws.workspaceId,
      campaignId,
      contactId,
      enteredAt: '2026-11-01T08:00:00Z',
      exited: '2026-11-01T09:00:00Z',
    });
    const second = await enrollment({
      workspaceId: ws.workspaceId,
      campaignId,
      contactId,
      enteredAt: '2026-11-05T08:00:00Z',
    });
    const untouched = await enrollment({
      workspaceId: ws.workspaceId,
      campaignId,
      contactId,
      enteredAt: '2026-11-06T08:00:00Z',
    });
    await stepEvents(second, [
      ['trigger', 'entered', '2026-11-05T08:00:00Z'],
      ['check', 'yes', '2026-11-05T08:00:01Z'],
      ['wait', 'waiting', '2026-11-05T08:00:02Z'],
    ]);
    await stepEvents(first, [
      ['trigger', 'entered', '2026-11-01T08:00:00Z'],
      ['check', 'no', '2026-11-01T08:00:01Z'],
      ['done', 'exit:completed', '2026-11-01T08:00:02Z'],
    ]);

    const page = (await ws.as.analyst.get(`/contacts/${contactId}/journeys`).expect(200)).body as JourneyPage;
    const paths = page.items.map((item) => [
      item.id,
      item.path.map((event) => [event.seq, event.stepId, event.outcome]),
    ]);
    expect(paths).toEqual([
      [untouched, []],
      [
        second,
        [
          [0, 'trigger', 'entered'],
          [1, 'check', 'yes'],
          [2, 'wait', 'waiting'],
        ],
      ],
      [
        first,
        [
          [0, 'trigger', 'entered'],
          [1, 'check', 'no'],
          [2, 'done', 'exit:completed'],
        ],
      ],
    ]);
    expect(page.items[1]!.path[1]!.at).toBe('2026-11-05T08:00:01.000Z');
  });

  it("lists the contact's journeys in every campaign, newest first, page by page, to every role", async () => {
    const contactId = await insertContact(app, ws.workspaceId);
    const someoneElse = await insertContact(app, ws.workspaceId);
    const welcome = await insertCampaign(db, { workspaceId: ws.workspaceId, name: 'Chào mừng' });
    const cart = await insertCampaign(db, { workspaceId: ws.workspaceId, name: 'Giỏ hàng' });
    const old = await enrollment({
      workspaceId: ws.workspaceId,
      campaignId: welcome,
      contactId,
      enteredAt: '2026-11-01T08:00:00Z',
      exited: '2026-11-02T08:00:00Z',
    });
    const recent = await enrollment({
      workspaceId: ws.workspaceId,
      campaignId: cart,
      contactId,
      enteredAt: '2026-11-20T08:00:00Z',
    });
    await enrollment({
      workspaceId: ws.workspaceId,
      campaignId: cart,
      contactId: someoneElse,
      enteredAt: '2026-11-21T08:00:00Z',
    });

    for (const role of ['admin', 'marketer', 'analyst'] as const) {
      const page = (await ws.as[role].get(`/contacts/${contactId}/journeys`).expect(200)).body as JourneyPage;
      expect(page.items.map((item) => [item.id, item.campaignName, item.status])).toEqual([
        [recent, 'Giỏ hàng', 'active'],
        [old, 'Chào mừng', 'exited'],
      ]);
      expect(page.nextCursor).toBeNull();
    }
    await ws.as.readKey.get(`/contacts/${contactId}/journeys`).expect(200);

    const first = (await ws.as.analyst.get(`/contacts/${contactId}/journeys?limit=1`).expect(200))
      .body as JourneyPage;
    expect(first.items.map((item) => item.id)).toEqual([recent]);
    expect(first.items[0]).toMatchObject({ campaignId: cart, currentStep: 'wait', exitReason: null });
    const second = (
      await ws.as.analyst
        .get(`/contacts/${contactId}/journeys?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)
        .expect(200)
    ).body as JourneyPage;
    expect(second.items.map((item) => item.id)).toEqual([old]);
    expect(second.nextCursor).toBeNull();

    const exited = (await ws.as.analyst.get(`/contacts/${contactId}/journeys?status=exited`).expect(200))
      .body as JourneyPage;
    expect(exited.items.map((item) => item.id)).toEqual([old]);
  });

  it('refuses bad input naming the field, other workspaces, unknown contacts and ingest keys', async () => {
    const contactId = await insertContact(app, ws.workspaceId);
    const tooMany = await ws.as.analyst.get(`/contacts/${contactId}/journeys?limit=1000`).expect(422);
    expect(JSON.stringify(tooMany.body)).toContain('limit');
    const badStatus = await ws.as.analyst.get(`/contacts/${contactId}/journeys?status=lost`).expect(422);
    expect(JSON.stringify(badStatus.body)).toContain('status');
    const badCursor = await ws.as.analyst.get(`/contacts/${contactId}/journeys?cursor=nonsense`).expect(422);
    expect(JSON.stringify(badCursor.body)).toContain('cursor');
    const badId = await ws.as.analyst.get('/contacts/not-a-uuid/journeys').expect(422);
    expect(JSON.stringify(badId.body)).toContain('id');

    await other.as.admin.get(`/contacts/${contactId}/journeys`).expect(404);
    await ws.as.analyst.get(`/contacts/${randomUUID()}/journeys`).expect(404);
    await ws.as.ingestKey.get(`/contacts/${contactId}/journeys`).expect(403);
    await ws.as.anonymous.get(`/contacts/${contactId}/journeys`).expect(401);
  });
});
