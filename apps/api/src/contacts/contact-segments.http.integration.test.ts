import type { INestApplication } from '@nestjs/common';
import { createApp } from '../create-app';
import { SegmentMembership } from '../segments/segment-membership';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import type { ContactView } from './contact-view';

describe('GET /contacts/{id}/segments (real PostgreSQL)', () => {
  let app: INestApplication;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    ws = await seedTestWorkspace(app);
    other = await seedTestWorkspace(app, 'Other workspace');
  });

  afterAll(async () => {
    await app.close();
  });

  const createContact = async (body: object) =>
    (await ws.as.marketer.post('/contacts').send(body).expect(201)).body as ContactView;

  /** A segment of the contacts with `tag`, its members computed now. */
  const tagSegment = async (name: string, tag: string) => {
    const rule = { match: 'all', rules: [{ kind: 'tag', tag }] };
    const { id } = (await ws.as.marketer.post('/segments').send({ name, rule }).expect(201)).body as {
      id: string;
    };
    await app.get(SegmentMembership).refreshSegment({ workspaceId: ws.workspaceId, segmentId: id });
    return id;
  };

  it('lists the segments the contact is a member of now, by name, and none for a contact outside them', async () => {
    const lan = await createContact({ externalId: 'segments-lan', tags: { add: ['seg-vip', 'seg-hn'] } });
    const minh = await createContact({ externalId: 'segments-minh', tags: { add: ['seg-other'] } });
    const vip = await tagSegment('VIP buyers', 'seg-vip');
    const hanoi = await tagSegment('Hà Nội', 'seg-hn');
    await tagSegment('Nobody', 'seg-nobody');

    const answer = await ws.as.readKey.get(`/contacts/${lan.id}/segments`).expect(200);
    expect(answer.body.items).toEqual([
      { id: hanoi, name: 'Hà Nội', since: expect.any(String) },
      { id: vip, name: 'VIP buyers', since: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(answer.body.items[0].since))).toBe(false);
    expect((await ws.as.readKey.get(`/contacts/${minh.id}/segments`).expect(200)).body).toEqual({
      items: [],
    });
  });

  it('lets every reading role in, not the ingest key nor anonymous callers', async () => {
    const contact = await createContact({ externalId: 'segments-access' });
    for (const role of ['admin', 'marketer', 'analyst', 'readKey', 'writeKey'] as const)
      await ws.as[role].get(`/contacts/${contact.id}/segments`).expect(200);
    await ws.as.ingestKey.get(`/contacts/${contact.id}/segments`).expect(403);
    await ws.as.anonymous.get(`/contacts/${contact.id}/segments`).expect(401);
  });

  it('answers 404 for another workspace’s contact, for an unknown id, and 422 for an id that is not a uuid', async () => {
    const contact = await createContact({ externalId: 'segments-mine' });
    await other.as.admin.get(`/contacts/${contact.id}/segments`).expect(404);
    await ws.as.admin.get('/contacts/00000000-0000-4000-8000-000000000000/segments').expect(404);
    await ws.as.admin.get('/contacts/not-a-uuid/segments').expect(422);
  });
});
