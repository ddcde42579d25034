import type { INestApplication } from '@nestjs/common';
import { waitFor } from '@loa/testing';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { testConfig } from '../testing/test-config';
import { SegmentMembership } from './segment-membership';
import type { ExplainedRule } from './segments.schemas';
import { defineAttribute, insertContact, insertEvent } from './testing/segment-fixtures';

const DAY = 86_400_000;

interface SegmentBody {
  id: string;
  memberCount: number;
  refreshedAt: string | null;
}

describe('segments over HTTP (real PostgreSQL and Redis)', () => {
  let app: INestApplication;
  let db: DataSource;
  let ws: TestWorkspace;
  const ids: Record<string, string> = {};

  const cityRule = (city: string) => ({
    match: 'all',
    rules: [{ kind: 'attribute', field: 'city', operator: 'equals', value: city }],
  });
  const repeatBuyers = {
    match: 'all',
    rules: [{ kind: 'event_seen', event: 'order_completed', withinDays: 30, minCount: 2 }],
  };

  async function createSegment(name: string, rule: unknown): Promise<SegmentBody> {
    const created = await ws.as.marketer.post('/segments').send({ name, rule }).expect(201);
    return refreshed((created.body as SegmentBody).id);
  }

  /** The segment once its first full refresh has run. */
  async function refreshed(id: string): Promise<SegmentBody> {
    return waitFor(`segment ${id} refreshed`, async () => {
      const body = (await ws.as.readKey.get(`/segments/${id}`).expect(200)).body as SegmentBody;
      if (body.refreshedAt === null) throw new Error('not refreshed yet');
      return body;
    });
  }

  async function members(segmentId: string): Promise<string[]> {
    const rows = (await db.query('SELECT contact_id FROM segment_memberships WHERE segment_id = $1', [
      segmentId,
    ])) as Array<{ contact_id: string }>;
    return rows.map((row) => row.contact_id).sort();
  }

  async function changes(segmentId: string): Promise<Array<{ contact_id: string; change: string }>> {
    return (await db.query(
      'SELECT contact_id, change FROM segment_membership_changes WHERE segment_id = $1 ORDER BY seq',
      [segmentId],
    )) as Array<{ contact_id: string; change: string }>;
  }

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
    const { workspaceId } = ws;
    await defineAttribute(db, workspaceId, 'renewsOn', 'date');
    ids.lan = await insertContact(db, workspaceId, {
      phone: '84912345678',
      attributes: { city: 'Đà Nẵng', renewsOn: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10) },
      tags: ['vip'],
    });
    ids.minh = await insertContact(db, workspaceId, {
      email: 'minh@example.vn',
      attributes: { city: 'Hà Nội' },
    });
    ids.hoa = await insertContact(db, workspaceId, { attributes: { city: 'Đà Nẵng' }, tags: ['vip'] });
    ids.erased = await insertContact(db, workspaceId, { attributes: { city: 'Đà Nẵng' }, erased: true });
    for (const daysAgo of [1, 2])
      await insertEvent(db, {
        workspaceId,
        contactId: ids.lan,
        name: 'order_completed',
        at: new Date(Date.now() - daysAgo * DAY),
      });
    await insertEvent(db, {
      workspaceId,
      contactId: ids.hoa,
      name: 'order_completed',
      at: new Date(Date.now() - DAY),
    });
  });

  afterAll(async () => app.close());

  it('creates a segment, computes its members and lists it with its count', async () => {
    const segment = await createSegment('Đà Nẵng', cityRule('Đà Nẵng'));
    expect(segment.memberCount).toBe(2);
    expect(await members(segment.id)).toEqual([ids.lan, ids.hoa].sort());
    const list = await ws.as.analyst.get('/segments').expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: segment.id, name: 'Đà Nẵng', memberCount: 2 })]),
    );
    expect((await changes(segment.id)).map((row) => row.change)).toEqual(['entered', 'entered']);
  });

  it('lets analysts and read keys look but not write', async () => {
    await ws.as.analyst
      .post('/segments')
      .send({ name: 'x', rule: cityRule('x') })
      .expect(403);
    await ws.as.readKey
      .post('/segments')
      .send({ name: 'x', rule: cityRule('x') })
      .expect(403);
    await ws.as.writeKey
      .post('/segments')
      .send({ name: 'by key', rule: cityRule('Huế') })
      .expect(201);
    await ws.as.anonymous.get('/segments').expect(401);
  });

  it('previews a rule without saving it, for anyone who reads segments: count and sample', async () => {
    await ws.as.ingestKey.post('/segments/preview').send({ rule: repeatBuyers }).expect(403);
    const byAnalyst = await ws.as.analyst.post('/segments/preview').send({ rule: repeatBuyers }).expect(200);
    expect(byAnalyst.body.count).toBe(1);
    const preview = await ws.as.marketer.post('/segments/preview').send({ rule: repeatBuyers }).expect(200);
    expect(preview.body.count).toBe(1);
    expect(preview.body.sample).toEqual([expect.objectContaining({ id: ids.lan, phone: '84912345678' })]);
  });

  it('answers 422 naming the field of an invalid rule', async () => {
    const sendOutcome = await ws.as.marketer
      .post('/segments')
      .send({
        name: 'bad',
        rule: { match: 'all', rules: [{ kind: 'send_outcome', nodeId: 'n1', outcome: 'sent' }] },
      })
      .expect(422);
    expect(sendOutcome.body.errors).toEqual([
      expect.objectContaining({
        in: 'body',
        field: 'rule.rules.0.kind',
        message: expect.stringMatching(/segment/),
      }),
    ]);
    const noPeriod = await ws.as.marketer
      .post('/segments/preview')
      .send({
        rule: { match: 'any', rules: [{ kind: 'attribute', field: 'renewsOn', operator: 'within_next' }] },
      })
      .expect(422);
    expect(noPeriod.body.errors).toEqual([expect.objectContaining({ field: 'rule.rules.0.period' })]);
    const notADate = await ws.as.marketer
      .post('/segments/preview')
      .send({
        rule: {
          match: 'all',
          rules: [
            { kind: 'tag', tag: 'vip' },
            { kind: 'segment', segmentId: '00000000-0000-4000-8000-000000000000' },
          ],
        },
      })
      .expect(422);
    expect(notADate.body.errors).toEqual([
      expect.objectContaining({
        field: 'rule.rules.1.segmentId',
        message: 'no such segment in this workspace',
      }),
    ]);
  });

  it('answers 422 for text PostgreSQL cannot store (a NUL character), never a 500', async () => {
    const inValue = await ws.as.marketer
      .post('/segments/preview')
      .send({
        rule: {
          match: 'all',
          rules: [{ kind: 'attribute', field: 'city', operator: 'equals', value: 'a\u0000' }],
        },
      })
      .expect(422);
    expect(inValue.body.errors).toEqual([expect.objectContaining({ field: 'rule.rules.0.value' })]);
    const inName = await ws.as.marketer
      .post('/segments')
      .send({ name: 'V\u0000IP', rule: { match: 'all', rules: [{ kind: 'tag', tag: 'vip' }] } })
      .expect(422);
    expect(inName.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('pages through members with a cursor', async () => {
    const segment = await createSegment('Everyone live', {
      match: 'any',
      rules: [{ kind: 'attribute', field: 'city', operator: 'exists' }],
    });
    expect(segment.memberCount).toBe(3);
    const first = await ws.as.readKey.get(`/segments/${segment.id}/members?limit=2`).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await ws.as.readKey
      .get(`/segments/${segment.id}/members?limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort();
    expect(seen).toEqual([ids.lan, ids.minh, ids.hoa].sort());
  });

  it('explains each rule with the value it saw, in agreement with membership', async () => {
    const segment = await createSegment('Repeat buyers in Đà Nẵng', {
      match: 'all',
      rules: [
        { kind: 'attribute', field: 'city', operator: 'equals', value: 'Đà Nẵng' },
        ...repeatBuyers.rules,
      ],
    });
    const memberIds = await members(segment.id);
    expect(memberIds).toEqual([ids.lan]);
    for (const contactId of [ids.lan, ids.minh, ids.hoa]) {
      const { body } = await ws.as.analyst.get(`/segments/${segment.id}/explain/${contactId}`).expect(200);
      expect(body.member).toBe(memberIds.includes(contactId as string));
      expect(body.matches).toBe(body.member);
      expect(body.tree.passed).toBe(body.matches);
    }
    const hoa = (await ws.as.analyst.get(`/segments/${segment.id}/explain/${ids.hoa}`).expect(200)).body;
    const [city, orders] = hoa.tree.rules as ExplainedRule[];
    expect(city).toMatchObject({ path: 'rules.0', passed: true, observed: 'Đà Nẵng' });
    expect(city?.explanation).toBe('attributes.city is "Đà Nẵng"; needs equals "Đà Nẵng"');
    expect(orders).toMatchObject({ path: 'rules.1', passed: false, observed: 1 });
    expect(orders?.explanation).toBe('order_completed seen 1 time in 30 days, needs ≥ 2');
    const erased = (await ws.as.analyst.get(`/segments/${segment.id}/explain/${ids.erased}`).expect(200))
      .body;
    expect(erased).toMatchObject({ matches: false, member: false, excluded: 'erased' });
  });

  it('refreshes segments of segments after the segment they depend on, and guards references', async () => {
    const vip = await createSegment('VIP', { match: 'all', rules: [{ kind: 'tag', tag: 'vip' }] });
    const vipInHanoi = await createSegment('VIP not in Đà Nẵng', {
      match: 'all',
      rules: [
        { kind: 'segment', segmentId: vip.id },
        { kind: 'attribute', field: 'city', operator: 'not_equals', value: 'Đà Nẵng' },
      ],
    });
    expect(vipInHanoi.memberCount).toBe(0);
    await db.query(`UPDATE contacts SET tags = '{vip}' WHERE id = $1`, [ids.minh]);
    await app.get(SegmentMembership).refreshSegment({ workspaceId: ws.workspaceId, segmentId: vip.id });
    expect(await members(vipInHanoi.id)).toEqual([ids.minh]);

    const deleting = await ws.as.marketer.delete(`/segments/${vip.id}`).expect(409);
    expect(deleting.body.detail).toMatch(/VIP not in Đà Nẵng/);
    const cycle = await ws.as.marketer
      .patch(`/segments/${vip.id}`)
      .send({ rule: { match: 'all', rules: [{ kind: 'segment', segmentId: vipInHanoi.id }] } })
      .expect(422);
    expect(cycle.body.errors).toEqual([
      expect.objectContaining({
        field: 'rule.rules.0.segmentId',
        message: expect.stringMatching(/refers back/),
      }),
    ]);
    await ws.as.marketer.delete(`/segments/${vipInHanoi.id}`).expect(204);
    await ws.as.marketer.delete(`/segments/${vip.id}`).expect(204);
    await ws.as.readKey.get(`/segments/${vip.id}`).expect(404);
  });

  it('keeps membership current when contacts change through the contacts API', async () => {
    const segment = await createSegment('Hà Nội', cityRule('Hà Nội'));
    expect(await members(segment.id)).toEqual([ids.minh]);
    await ws.as.marketer
      .patch(`/contacts/${ids.hoa}`)
      .send({ attributes: { city: 'Hà Nội' } })
      .expect(200);
    await ws.as.marketer
      .patch(`/contacts/${ids.minh}`)
      .send({ attributes: { city: 'Huế' } })
      .expect(200);
    await waitFor('membership to follow the change', async () => {
      expect(await members(segment.id)).toEqual([ids.hoa]);
    });
    expect(await changes(segment.id)).toEqual([
      { contact_id: ids.minh, change: 'entered' },
      ...[
        { contact_id: ids.hoa, change: 'entered' },
        { contact_id: ids.minh, change: 'left' },
      ],
    ]);
    expect(((await ws.as.readKey.get(`/segments/${segment.id}`)).body as SegmentBody).memberCount).toBe(1);
    await ws.as.marketer.delete(`/contacts/${ids.hoa}`).expect(204);
    await waitFor('the erased contact to leave', async () => {
      expect(await members(segment.id)).toEqual([]);
    });
    expect(((await ws.as.readKey.get(`/segments/${segment.id}`)).body as SegmentBody).memberCount).toBe(0);
  });

  it('keeps membership current as time passes', async () => {
    const segment = await createSegment('Renewing within a week', {
      match: 'all',
      rules: [
        {
          kind: 'attribute',
          field: 'renewsOn',
          operator: 'within_next',
          period: { amount: 7, unit: 'days' },
        },
      ],
    });
    expect(await members(segment.id)).toEqual([ids.lan]);
    await app.get(SegmentMembership).refreshTimeDependent({ now: new Date(Date.now() + 5 * DAY) });
    expect(await members(segment.id)).toEqual([]);
    expect((await changes(segment.id)).map((row) => row.change)).toEqual(['entered', 'left']);
  });

  it("answers 404 for another workspace's segment", async () => {
    const mine = await createSegment('Mine', cityRule('Huế'));
    const other = await seedTestWorkspace(app, 'Other workspace');
    await other.as.admin.get(`/segments/${mine.id}`).expect(404);
    await other.as.admin.get(`/segments/${mine.id}/members`).expect(404);
    await other.as.admin.get(`/segments/${mine.id}/explain/${ids.lan}`).expect(404);
    await other.as.admin.patch(`/segments/${mine.id}`).send({ name: 'taken' }).expect(404);
    await other.as.admin.delete(`/segments/${mine.id}`).expect(404);
    const ref = await other.as.admin
      .post('/segments/preview')
      .send({ rule: { match: 'all', rules: [{ kind: 'segment', segmentId: mine.id }] } })
      .expect(422);
    expect(ref.body.errors[0].field).toBe('rule.rules.0.segmentId');
  });
});
