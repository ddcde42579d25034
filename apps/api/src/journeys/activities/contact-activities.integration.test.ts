import type { JourneyRef } from '@loa/engine';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { sendIdempotencyKey, type RuleGroup, type UpdateContactStep } from '@loa/engine';
import { ApplicationFailure } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { ContactsService } from '../../contacts/contacts.service';
import { createApp } from '../../create-app';
import { testConfig } from '../../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../../testing/test-workspace';
import { CONTACT_ERROR_TYPES } from './contact-activity-errors';
import { createContactActivities, type ContactActivities } from './contact-activities';
import { insertTrackEvent, journeyOf, stepKey, TestCampaigns } from './testing/journey-fixtures';

const DAY_MS = 86_400_000;
/** 2026-12-01 10:00 in Vietnam. */
const NOW = Date.parse('2026-12-01T03:00:00Z');

describe('the journey contact activities read and change the contact as it is now', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let activities: ContactActivities;
  const campaigns = new TestCampaigns();

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    db = app.get(DataSource);
    activities = createContactActivities({
      db,
      contacts: app.get(ContactsService),
      campaigns,
      now: () => NOW,
    });
    await ws.as.admin
      .post('/contacts/attributes')
      .send({ key: 'tier', label: 'Tier', type: 'enum', enumValues: ['gold', 'silver'] })
      .expect(201);
    await ws.as.admin
      .post('/contacts/attributes')
      .send({ key: 'birthday', label: 'Birthday', type: 'date' })
      .expect(201);
  });

  afterAll(async () => {
    await app?.close();
  });

  const contact = async (write: Record<string, unknown>) =>
    (await ws.as.admin.post('/contacts').send(write).expect(201)).body.id as string;
  const journey = (contactId: string, extra: Partial<JourneyRef> = {}) =>
    journeyOf(ws.workspaceId, contactId, campaigns.add(), extra);
  const all = (...rules: RuleGroup['rules']): RuleGroup => ({ match: 'all', rules });
  const evaluate = (ref: JourneyRef, rule: RuleGroup) =>
    activities.evaluateCondition({ journey: ref, stepId: 'branch', rule });
  const scoreOf = async (contactId: string) =>
    (
      (await db.query(`SELECT score FROM contacts WHERE id = $1`, [contactId])) as Array<{ score: number }>
    )[0]!.score;
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the activity to fail');
      },
      (error: unknown) => error,
    );

  it('evaluates the engine’s rules on fresh attributes, tags, consent, reachability, events and segments', async () => {
    const contactId = await contact({
      phone: `8490${String(Date.now()).slice(-7)}`,
      name: 'Lan',
      tags: { add: ['new'] },
      attributes: { city: 'Đà Nẵng', tier: 'silver', birthday: '2026-12-05' },
      consents: { zns: { state: 'granted', source: 'form' }, sms: { state: 'denied', source: 'form' } },
    });
    const ref = journey(contactId);
    expect(
      await evaluate(
        ref,
        all(
          { kind: 'attribute', field: 'city', operator: 'equals', value: 'Đà Nẵng' },
          { kind: 'attribute', field: 'name', operator: 'equals', value: 'Lan' },
          {
            kind: 'attribute',
            field: 'birthday',
            operator: 'within_next',
            period: { amount: 7, unit: 'days' },
          },
          { kind: 'tag', tag: 'new', has: true },
          { kind: 'consent', channel: 'zns', state: 'granted' },
          { kind: 'reachable', channel: 'zns', reachable: true },
          { kind: 'reachable', channel: 'sms', reachable: false },
          { kind: 'reachable', channel: 'email', reachable: false },
        ),
      ),
    ).toBe(true);

    // Fresh: a change made after the journey began is seen by the next evaluation.
    const gold = all({ kind: 'attribute', field: 'tier', operator: 'equals', value: 'gold' });
    expect(await evaluate(ref, gold)).toBe(false);
    await ws.as.admin
      .patch(`/contacts/${contactId}`)
      .send({ attributes: { tier: 'gold' } })
      .expect(200);
    expect(await evaluate(ref, gold)).toBe(true);

    const order = (daysAgo: number, total: number) =>
      insertTrackEvent(db, {
        workspaceId: ws.workspaceId,
        contactId,
        name: 'order_completed',
        at: new Date(NOW - daysAgo * DAY_MS),
        properties: { total },
      });
    await order(1, 500_000);
    await order(3, 90_000);
    await order(10, 700_000);
    const big = {
      match: 'all' as const,
      conditions: [{ field: 'total', operator: 'greater_than' as const, value: 100_000 }],
    };
    const seen = (rule: Record<string, unknown>) =>
      evaluate(ref, all({ kind: 'event_seen', event: 'order_completed', ...rule } as never));
    expect(await seen({ withinDays: 7 })).toBe(true);
    expect(await seen({ withinDays: 7, minCount: 2 })).toBe(true);
    expect(await seen({ withinDays: 7, minCount: 3 })).toBe(false);
    expect(await seen({ withinDays: 7, minCount: 2, filter: big })).toBe(false);
    expect(await seen({ withinDays: 30, minCount: 2, filter: big })).toBe(true);
    expect(await seen({ withinDays: 30, minCount: 0, maxCount: 1, filter: big })).toBe(false);
    expect(await seen({ withinDays: 2, minCount: 0, maxCount: 0 })).toBe(false);
    expect(await seen({ withinDays: 30, event: 'cart_abandoned', minCount: 0, maxCount: 0 })).toBe(true);

    const [segment] = (await db.query(
      `INSERT INTO segments (workspace_id, name, rule) VALUES ($1, $2, $3) RETURNING id`,
      [ws.workspaceId, `VIP ${randomUUID()}`, JSON.stringify(all({ kind: 'tag', tag: 'vip', has: true }))],
    )) as Array<{ id: string }>;
    const member = all({ kind: 'segment', segmentId: segment!.id, member: true });
    expect(await evaluate(ref, member)).toBe(false);
    await db.query(
      `INSERT INTO segment_memberships (segment_id, contact_id, workspace_id) VALUES ($1, $2, $3)`,
      [segment!.id, contactId, ws.workspaceId],
    );
    expect(await evaluate(ref, member)).toBe(true);
  });

  it('follows a contact merged into another since the journey began; an erased contact is a permanent failure', async () => {
    const externalId = `crm-${randomUUID()}`;
    const phone = `8491${String(Date.now()).slice(-7)}`;
    const survivor = await contact({ externalId, tags: { add: ['survivor'] } });
    const merged = await contact({ phone });
    await ws.as.admin.put('/contacts').send({ match: { externalId, phone } }).expect(200);
    const ref = journey(merged);
    expect(await evaluate(ref, all({ kind: 'tag', tag: 'survivor', has: true }))).toBe(true);
    expect(await activities.readContactAttributes({ journey: ref, fields: ['id', 'phone'] })).toEqual({
      id: survivor,
      phone,
    });

    await ws.as.admin.delete(`/contacts/${survivor}`).expect(204);
    const failure = await rejection(evaluate(ref, all({ kind: 'tag', tag: 'survivor', has: true })));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: CONTACT_ERROR_TYPES.contactNotFound, nonRetryable: true });
    const update = await rejection(
      activities.updateContact({
        journey: ref,
        stepId: 'update',
        idempotencyKey: stepKey(ref, 'update'),
        step: updateStep({ addTags: ['x'] }),
      }),
    );
    expect(update).toMatchObject({ type: CONTACT_ERROR_TYPES.contactNotFound, nonRetryable: true });
    const unknown = journey(randomUUID());
    await expect(
      activities.readContactAttributes({ journey: unknown, fields: ['id'] }),
    ).rejects.toMatchObject({
      type: CONTACT_ERROR_TYPES.contactNotFound,
    });
  });

  it('applies an update once under the longest idempotency key a journey makes', async () => {
    const contactId = await contact({ name: 'Dũng' });
    const workflowId = `journey:${'w'.repeat(202)}`;
    const ref = journey(contactId, { workflowId });
    const stepId = 's'.repeat(64);
    const idempotencyKey = sendIdempotencyKey(workflowId, stepId, 9999, randomUUID());
    expect(idempotencyKey.length).toBeGreaterThan(300);
    const input = { journey: ref, stepId, idempotencyKey, step: updateStep({ scoreDelta: 5 }) };
    await activities.updateContact(input);
    await activities.updateContact(input);
    expect(await scoreOf(contactId)).toBe(5);
  });

  it('reads the requested attributes and built-in fields; missing ones are absent', async () => {
    const contactId = await contact({
      email: `an-${randomUUID()}@example.vn`,
      name: 'An',
      tags: { add: ['vip'] },
      attributes: { birthday: '1990-12-31', address: { city: 'Huế' }, note: null },
    });
    const fields = ['birthday', 'address.city', 'attributes.birthday', 'name', 'email', 'tags', 'score'];
    expect(
      await activities.readContactAttributes({
        journey: journey(contactId),
        fields: [...fields, 'phone', 'nope'],
      }),
    ).toEqual({
      birthday: '1990-12-31',
      'address.city': 'Huế',
      'attributes.birthday': '1990-12-31',
      name: 'An',
      email: expect.stringMatching(/^an-/),
      tags: ['vip'],
      score: 0,
    });
  });

  it('updateContact applies a step once per key: a retry changes nothing, values are rendered and validated', async () => {
    const contactId = await contact({
      name: 'Cường',
      tags: { add: ['new'] },
      attributes: { address: { street: '1 Lê Lợi' } },
    });
    const entryEventId = await insertTrackEvent(db, {
      workspaceId: ws.workspaceId,
      contactId,
      name: 'order_completed',
      properties: { city: 'Huế' },
    });
    const ref = journey(contactId, { entryEventId });
    const step = updateStep({
      set: { tier: 'GOLD', 'address.city': '{{ event.city }}', greeting: 'Chào {{ contact.name }}' },
      addTags: ['vip'],
      removeTags: ['new'],
      scoreDelta: 10,
      doNotContact: 'add',
    });
    const input = { journey: ref, stepId: 'update', idempotencyKey: stepKey(ref, 'update'), step };
    await activities.updateContact(input);
    // The retry, and a retry running at the same time as another: applied once.
    await Promise.all([activities.updateContact(input), activities.updateContact(input)]);
    const after = (await ws.as.admin.get(`/contacts/${contactId}`).expect(200)).body;
    expect(after).toMatchObject({
      score: 10,
      tags: ['vip'],
      doNotContact: true,
      attributes: { tier: 'gold', address: { street: '1 Lê Lợi', city: 'Huế' }, greeting: 'Chào Cường' },
    });
    // The same step visited again (a new key) applies again.
    await activities.updateContact({ ...input, idempotencyKey: stepKey(ref, 'update', 2) });
    expect(await scoreOf(contactId)).toBe(20);

    // A value the attribute definition refuses: nothing of the step is applied, and retrying cannot help.
    const refused = await rejection(
      activities.updateContact({
        journey: ref,
        stepId: 'bad',
        idempotencyKey: stepKey(ref, 'bad'),
        step: updateStep({ set: { tier: 'bronze' }, scoreDelta: 5 }),
      }),
    );
    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: CONTACT_ERROR_TYPES.invalidUpdate, nonRetryable: true });
    expect((refused as Error).message).toContain('tier');
    expect(await scoreOf(contactId)).toBe(20);
  });
});

function updateStep(change: Partial<UpdateContactStep>): UpdateContactStep {
  return {
    kind: 'update_contact',
    set: {},
    addTags: [],
    removeTags: [],
    scoreDelta: 0,
    next: '$exit:completed',
    ...change,
  };
}
