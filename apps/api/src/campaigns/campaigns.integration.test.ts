import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { validateGraph } from '@loa/engine';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestCaller, type TestWorkspace } from '../testing/test-workspace';
import { PostgresCampaignStateSource } from '../journeys/postgres-campaign-state-source';
import {
  addAdmin,
  orderConfirmation,
  seedCampaignWorld,
  type CampaignWorld,
} from './testing/campaign-fixtures';

interface Diagnostic {
  severity: string;
  code: string;
  path?: string;
  message: string;
}

describe('campaign lifecycle over HTTP (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: DataSource;
  let ws: TestWorkspace;
  let world: CampaignWorld;
  let other: TestWorkspace;
  let otherWorld: CampaignWorld;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
    world = await seedCampaignWorld(app, ws.workspaceId);
    other = await seedTestWorkspace(app, 'Other workspace');
    otherWorld = await seedCampaignWorld(app, other.workspaceId);
  });

  afterAll(async () => {
    await app.close();
  });

  async function createCampaign(caller: TestCaller, graph: unknown, extra: Record<string, unknown> = {}) {
    const response = await caller
      .post('/campaigns')
      .send({ name: 'Xác nhận đơn hàng', graph, ...extra })
      .expect(201);
    return response.body as { id: string; state: string; draftRevision: number; diagnostics: Diagnostic[] };
  }

  function save(caller: TestCaller, id: string, revision: number, graph: unknown) {
    return caller.put(`/campaigns/${id}/draft`).send({ revision, graph });
  }

  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.path ?? ''}`.trim());

  it('returns the diagnostics of validateGraph in the context of the workspace with every save', async () => {
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world));
    expect(campaign).toMatchObject({ state: 'draft', draftRevision: 1, diagnostics: [] });

    const graph = orderConfirmation(
      world,
      'Chào {{ contact.nickname }} {{ contact.tier }} {{ contact.phone }}',
    );
    graph.nodes[0]!.data = { label: 'Đơn hàng mới', event: 'order.creatd' };
    (graph.nodes[1]!.data as { params: Record<string, string> }).params = {
      customer_name: '{{ contact.name }}',
    };
    (graph.nodes[2]!.data as { accountId: string }).accountId = otherWorld.smsAccountId;
    const saved = await save(ws.as.marketer, campaign.id, 1, graph).expect(200);
    expect(saved.body.revision).toBe(2);
    expect(codes(saved.body.diagnostics).sort()).toEqual([
      'ACCOUNT_MISSING nodes[2].data.accountId',
      'EVENT_NEVER_SEEN nodes[0].data.event',
      'TEMPLATE_PARAM_MISSING nodes[1].data.params.order_code',
      'UNKNOWN_CONTACT_FIELD nodes[2].data.text',
    ]);
    expect(
      saved.body.diagnostics.find((d: Diagnostic) => d.code === 'UNKNOWN_CONTACT_FIELD').message,
    ).toContain('“nickname”');

    const segmentGraph = {
      ...orderConfirmation(world),
      nodes: [
        {
          id: 'start',
          type: 'trigger.segment',
          position: { x: 0, y: 0 },
          data: { segmentId: world.segmentId },
        },
        ...orderConfirmation(world).nodes.slice(1),
      ],
    };
    const known = await save(ws.as.marketer, campaign.id, 2, segmentGraph).expect(200);
    expect(known.body.diagnostics).toEqual([]);
    segmentGraph.nodes[0] = { ...segmentGraph.nodes[0]!, data: { segmentId: otherWorld.segmentId } };
    const unknown = await save(ws.as.marketer, campaign.id, 3, segmentGraph).expect(200);
    expect(codes(unknown.body.diagnostics)).toEqual(['SEGMENT_UNKNOWN nodes[0].data.segmentId']);

    const validated = await ws.as.analyst
      .post(`/campaigns/${campaign.id}/validate`)
      .send({ graph: orderConfirmation(world) })
      .expect(200);
    expect(validated.body).toEqual({ diagnostics: [] });
  });

  it('refuses a save from a stale revision with 409 carrying the current revision and who saved it', async () => {
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world));
    const [first, second] = await Promise.all([
      save(ws.as.marketer, campaign.id, 1, orderConfirmation(world, 'Lan 1')),
      save(ws.as.admin, campaign.id, 1, orderConfirmation(world, 'Lan 2')),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [won, lost] = first.status === 200 ? [first, second] : [second, first];
    expect(lost.headers['content-type']).toContain('application/problem+json');
    expect(lost.body).toMatchObject({
      status: 409,
      type: 'urn:loa:problem:stale-revision',
      currentRevision: 2,
      lastSavedBy: { kind: 'user', name: won === first ? 'Test marketer' : 'Test admin' },
    });
    const draft = await ws.as.readKey.get(`/campaigns/${campaign.id}/draft`).expect(200);
    expect(draft.body.revision).toBe(2);
    expect(draft.body.graph).toEqual(
      won === first ? orderConfirmation(world, 'Lan 1') : orderConfirmation(world, 'Lan 2'),
    );
  });

  it('goes live through submit and approve when approval is required, with rejections and their comments audited', async () => {
    expect((await ws.as.analyst.get('/workspace').expect(200)).body.approvalRequired).toBe(true);
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world));
    const id = campaign.id;

    await ws.as.marketer.post(`/campaigns/${id}/publish`).expect(403);
    await ws.as.writeKey.post(`/campaigns/${id}/publish`).expect(403);
    await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200, /"state":"pending_approval"/);
    await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(409);
    await save(ws.as.marketer, id, 1, orderConfirmation(world, 'Sau khi gửi')).expect(409);
    await ws.as.marketer.post(`/campaigns/${id}/approve`).expect(403);
    await ws.as.analyst.post(`/campaigns/${id}/reject`).send({ comment: 'no' }).expect(403);
    await ws.as.admin
      .post(`/campaigns/${id}/reject`)
      .send({})
      .expect(422, /comment/);

    const rejected = await ws.as.admin
      .post(`/campaigns/${id}/reject`)
      .send({ comment: 'Thêm tên khách hàng vào SMS' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      state: 'draft',
      approval: {
        status: 'rejected',
        revision: 1,
        comment: 'Thêm tên khách hàng vào SMS',
        decidedBy: { kind: 'user' },
      },
    });
    await save(ws.as.marketer, id, 1, orderConfirmation(world, 'Chào {{ contact.name }}')).expect(200);
    await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200);
    const approved = await ws.as.admin.post(`/campaigns/${id}/approve`).expect(200);
    expect(approved.body).toMatchObject({
      created: true,
      version: { version: 1 },
      campaign: { state: 'active', approval: null, currentVersion: { version: 1 } },
    });

    const audit = await ws.as.analyst.get(`/campaigns/${id}/audit`).expect(200);
    const trail = (
      audit.body.items as Array<{ action: string; actor: { name: string }; details: Record<string, unknown> }>
    ).map((entry) => [entry.action, entry.actor.name]);
    expect(trail).toEqual([
      ['campaign.created', 'Test marketer'],
      ['campaign.submitted', 'Test marketer'],
      ['campaign.rejected', 'Test admin'],
      ['campaign.draft_saved', 'Test marketer'],
      ['campaign.submitted', 'Test marketer'],
      ['campaign.approved', 'Test admin'],
      ['campaign.published', 'Test admin'],
    ]);
    expect(audit.body.items[2].details).toMatchObject({
      comment: 'Thêm tên khách hàng vào SMS',
      from: 'pending_approval',
      to: 'draft',
    });
    expect(audit.body.items[6].details).toMatchObject({ version: 1, from: 'pending_approval', to: 'active' });
  });

  it('lets the sole admin approve their own submission, but not once the workspace has another admin', async () => {
    const own = await createCampaign(ws.as.admin, orderConfirmation(world));
    await ws.as.admin.post(`/campaigns/${own.id}/submit`).expect(200);
    await ws.as.admin.post(`/campaigns/${own.id}/approve`).expect(200);
    const direct = await createCampaign(ws.as.admin, orderConfirmation(world));
    await ws.as.admin.post(`/campaigns/${direct.id}/publish`).expect(200);

    const team = await seedTestWorkspace(app, 'Two admins');
    const teamWorld = await seedCampaignWorld(app, team.workspaceId);
    const second = await addAdmin(app, team.workspaceId);
    const campaign = await createCampaign(team.as.admin, orderConfirmation(teamWorld));
    await team.as.admin.post(`/campaigns/${campaign.id}/publish`).expect(403);
    await team.as.admin.post(`/campaigns/${campaign.id}/submit`).expect(200);
    const refused = await team.as.admin.post(`/campaigns/${campaign.id}/approve`).expect(403);
    expect(refused.body.detail).toMatch(/Another admin/);
    const approved = await second.as.post(`/campaigns/${campaign.id}/approve`).expect(200);
    expect(approved.body.campaign.state).toBe('active');
  });

  it('takes a new draft of a live campaign through approval without changing its run state', async () => {
    const runState = new PostgresCampaignStateSource(app.get(DataSource));
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world));
    const id = campaign.id;
    await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200);
    await ws.as.admin.post(`/campaigns/${id}/approve`).expect(200);

    await save(ws.as.marketer, id, 1, orderConfirmation(world, 'Phiên bản 2')).expect(200);
    const submitted = await ws.as.marketer.post(`/campaigns/${id}/submit`).expect(200);
    expect(submitted.body).toMatchObject({
      state: 'active',
      approval: { status: 'pending', revision: 2 },
      currentVersion: { version: 1 },
    });
    expect(await runState.stateOf(id)).toBe('active');
    await save(ws.as.marketer, id, 2, orderConfirmation(world, 'Phiên bản 3')).expect(
      409,
      /waits for approval/,
    );
    await ws.as.admin.post(`/campaigns/${id}/pause`).expect(200);
    const approved = await ws.as.admin.post(`/campaigns/${id}/approve`).expect(200);
    expect(approved.body).toMatchObject({
      created: true,
      version: { version: 2 },
      campaign: { state: 'paused', approval: null, currentVersion: { version: 2 } },
    });
    expect(await runState.stateOf(id)).toBe('paused');
  });

  describe('without required approval', () => {
    let free: TestWorkspace;
    let freeWorld: CampaignWorld;

    beforeAll(async () => {
      free = await seedTestWorkspace(app, 'No approval');
      freeWorld = await seedCampaignWorld(app, free.workspaceId);
      await free.as.marketer.patch('/workspace').send({ approvalRequired: false }).expect(403);
      const changed = await free.as.admin.patch('/workspace').send({ approvalRequired: false }).expect(200);
      expect(changed.body.approvalRequired).toBe(false);
    });

    it('publishes by marketers; an unchanged plan hash reuses its version, a changed one adds a version', async () => {
      const campaign = await createCampaign(free.as.marketer, orderConfirmation(freeWorld));
      const first = await free.as.marketer.post(`/campaigns/${campaign.id}/publish`).expect(200);
      expect(first.body).toMatchObject({
        created: true,
        version: { version: 1 },
        campaign: { state: 'active' },
      });

      const moved = orderConfirmation(freeWorld);
      moved.nodes[2]!.position = { x: 900, y: 900 };
      await save(free.as.marketer, campaign.id, 1, moved).expect(200);
      const again = await free.as.marketer.post(`/campaigns/${campaign.id}/publish`).expect(200);
      expect(again.body).toMatchObject({ created: false, version: first.body.version });

      await save(free.as.marketer, campaign.id, 2, orderConfirmation(freeWorld, 'Phiên bản 2')).expect(200);
      const second = await free.as.marketer.post(`/campaigns/${campaign.id}/publish`).expect(200);
      expect(second.body).toMatchObject({
        created: true,
        version: { version: 2 },
        campaign: { state: 'active' },
      });
      expect(second.body.version.hash).not.toBe(first.body.version.hash);

      const listed = await free.as.analyst.get('/campaigns').query({ state: 'active' }).expect(200);
      expect(listed.body.items.find((c: { id: string }) => c.id === campaign.id)).toMatchObject({
        currentVersion: { version: 2, hash: second.body.version.hash },
      });
      const versions = await free.as.analyst.get(`/campaigns/${campaign.id}/versions`).expect(200);
      expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const stored = await db.query(
        `SELECT count(*)::int AS n FROM campaign_versions WHERE campaign_id = $1`,
        [campaign.id],
      );
      expect(stored[0].n).toBe(2);

      const v1 = await free.as.readKey.get(`/campaigns/${campaign.id}/versions/1`).expect(200);
      expect(v1.body.graph).toEqual(orderConfirmation(freeWorld));
      expect(v1.body.plan).toMatchObject({
        campaignId: campaign.id,
        versionId: v1.body.id,
        hash: v1.body.hash,
      });
      await free.as.readKey.get(`/campaigns/${campaign.id}/versions/3`).expect(404);
    });

    it('keeps versions immutable', async () => {
      const campaign = await createCampaign(free.as.marketer, orderConfirmation(freeWorld));
      const published = await free.as.marketer.post(`/campaigns/${campaign.id}/publish`).expect(200);
      await expect(
        db.query(`UPDATE campaign_versions SET graph = '{}' WHERE id = $1`, [published.body.version.id]),
      ).rejects.toThrow(/immutable/);
      await save(free.as.marketer, campaign.id, 1, orderConfirmation(freeWorld, 'Đã đổi')).expect(200);
      const v1 = await free.as.readKey.get(`/campaigns/${campaign.id}/versions/1`).expect(200);
      expect(v1.body.graph).toEqual(orderConfirmation(freeWorld));
    });

    it('refuses to publish a draft with errors: 422 naming them', async () => {
      const graph = orderConfirmation(freeWorld);
      (graph.nodes[1]!.data as { templateId: string }).templateId = '999999';
      const campaign = await createCampaign(free.as.marketer, graph);
      const refused = await free.as.marketer.post(`/campaigns/${campaign.id}/publish`).expect(422);
      expect(refused.body).toMatchObject({
        type: 'urn:loa:problem:campaign-invalid',
        errors: [{ field: 'nodes[1].data.templateId' }],
      });
      expect(codes(refused.body.diagnostics)).toEqual(['TEMPLATE_UNKNOWN nodes[1].data.templateId']);
      expect((await free.as.readKey.get(`/campaigns/${campaign.id}`).expect(200)).body.state).toBe('draft');
    });

    it('moves only along allowed transitions, 409 naming the current state, and tells the runtime its state', async () => {
      const campaign = await createCampaign(free.as.marketer, orderConfirmation(freeWorld));
      const id = campaign.id;
      const runState = () => new PostgresCampaignStateSource(app.get(DataSource)).stateOf(id);
      // A draft has no journeys of its own; should one ask, it holds (reversible) rather than leaves (final).
      expect(await runState()).toBe('paused');

      const early = await free.as.admin.post(`/campaigns/${id}/pause`).expect(409);
      expect(early.body).toMatchObject({ state: 'draft', type: 'urn:loa:problem:campaign-state' });
      expect(early.body.detail).toContain('draft');
      await free.as.admin.post(`/campaigns/${id}/approve`).expect(409);
      await free.as.marketer.post(`/campaigns/${id}/publish`).expect(200);
      expect(await runState()).toBe('active');
      await free.as.marketer.post(`/campaigns/${id}/pause`).expect(403);
      await free.as.admin.post(`/campaigns/${id}/pause`).expect(200, /"state":"paused"/);
      expect(await runState()).toBe('paused');
      await free.as.admin.post(`/campaigns/${id}/pause`).expect(409, /paused/);
      await free.as.marketer.post(`/campaigns/${id}/archive`).expect(409, /paused/);
      await free.as.admin.post(`/campaigns/${id}/resume`).expect(200, /"state":"active"/);
      expect(await runState()).toBe('active');
      await free.as.admin.post(`/campaigns/${id}/stop`).expect(200, /"state":"stopped"/);
      expect(await runState()).toBe('stopped');
      await free.as.admin.post(`/campaigns/${id}/resume`).expect(409, /stopped/);
      await free.as.marketer.post(`/campaigns/${id}/publish`).expect(409, /stopped/);
      await save(free.as.marketer, id, 1, orderConfirmation(freeWorld)).expect(409);
      await free.as.marketer.post(`/campaigns/${id}/archive`).expect(200, /"state":"archived"/);
      expect(await runState()).toBe('stopped');

      const audit = await free.as.readKey.get(`/campaigns/${id}/audit`).expect(200);
      expect(
        audit.body.items.map((e: { action: string; details: { from?: string; to?: string } }) =>
          [e.action, e.details.from, e.details.to].join(' '),
        ),
      ).toEqual([
        'campaign.created  ',
        'campaign.published draft active',
        'campaign.paused active paused',
        'campaign.resumed paused active',
        'campaign.stopped active stopped',
        'campaign.archived stopped archived',
      ]);
    });
  });

  it('lets analysts and read keys read but change nothing', async () => {
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world));
    await ws.as.analyst.get(`/campaigns/${campaign.id}`).expect(200);
    await ws.as.readKey.get(`/campaigns/${campaign.id}/draft`).expect(200);
    await ws.as.analyst.post('/campaigns').send({ name: 'x' }).expect(403);
    await save(ws.as.analyst, campaign.id, 1, orderConfirmation(world)).expect(403);
    await save(ws.as.readKey, campaign.id, 1, orderConfirmation(world)).expect(403);
    await ws.as.analyst.patch(`/campaigns/${campaign.id}`).send({ name: 'x' }).expect(403);
    await ws.as.analyst.post(`/campaigns/${campaign.id}/submit`).expect(403);
    await ws.as.analyst.post(`/campaigns/${campaign.id}/publish`).expect(403);
    await ws.as.analyst.post(`/campaigns/${campaign.id}/duplicate`).send({}).expect(403);
    await ws.as.ingestKey.get(`/campaigns/${campaign.id}`).expect(403);
  });

  it("answers 404 for another workspace's campaign, whatever the route", async () => {
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world));
    const id = campaign.id;
    await other.as.admin.get(`/campaigns/${id}`).expect(404);
    await other.as.admin.get(`/campaigns/${id}/draft`).expect(404);
    await save(other.as.admin, id, 1, orderConfirmation(otherWorld)).expect(404);
    await other.as.admin.patch(`/campaigns/${id}`).send({ name: 'Mine' }).expect(404);
    for (const action of ['submit', 'publish', 'approve', 'pause', 'archive'])
      await other.as.admin.post(`/campaigns/${id}/${action}`).expect(404);
    await other.as.admin.post(`/campaigns/${id}/duplicate`).send({}).expect(404);
    for (const path of ['versions', 'versions/1', 'export', 'audit'])
      await other.as.admin.get(`/campaigns/${id}/${path}`).expect(404);
    const listed = await other.as.admin.get('/campaigns').expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await ws.as.readKey.get(`/campaigns/${id}`).expect(200)).body.name).toBe('Xác nhận đơn hàng');
  });

  it('exports a file the engine validates, and imports it back as a draft; a malformed file is 422 naming the field', async () => {
    const campaign = await createCampaign(ws.as.marketer, orderConfirmation(world), {
      name: 'Giỏ hàng bỏ quên',
    });
    const exported = await ws.as.readKey.get(`/campaigns/${campaign.id}/export`).expect(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="gio-hang-bo-quen.json"');
    expect(exported.text).toBe(JSON.stringify(orderConfirmation(world)));
    expect(validateGraph(exported.body)).toEqual([]);
    expect(loaValidate(exported.body)).toMatchObject({ status: 0, report: { ok: true } });

    const imported = await ws.as.marketer
      .post('/campaigns/import')
      .query({ name: 'Nhập lại' })
      .send(exported.body)
      .expect(201);
    expect(imported.body).toMatchObject({
      name: 'Nhập lại',
      state: 'draft',
      draftRevision: 1,
      diagnostics: [],
    });
    const draft = await ws.as.readKey.get(`/campaigns/${imported.body.id}/draft`).expect(200);
    expect(draft.body.graph).toEqual(exported.body);

    const intoOther = await other.as.marketer.post('/campaigns/import').send(exported.body).expect(201);
    expect(codes(intoOther.body.diagnostics)).toEqual(
      expect.arrayContaining(['ACCOUNT_MISSING nodes[1].data.accountId']),
    );

    const broken = structuredClone(exported.body);
    broken.nodes[0].data = { label: 'Không có sự kiện' };
    const refused = await ws.as.marketer.post('/campaigns/import').send(broken).expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ in: 'body', field: 'nodes[0].data.event' }),
    ]);
    await ws.as.marketer
      .post('/campaigns/import')
      .send({ ...exported.body, schemaVersion: 7 })
      .expect(422, /schemaVersion/);
  });

  it('lists by state, tag and words; renames; duplicates', async () => {
    const team = await seedTestWorkspace(app, 'Lists');
    const teamWorld = await seedCampaignWorld(app, team.workspaceId);
    const a = await createCampaign(team.as.marketer, orderConfirmation(teamWorld), {
      name: 'Sinh nhật tháng 12',
      tags: ['birthday', 'vip'],
    });
    const b = await createCampaign(team.as.marketer, orderConfirmation(teamWorld), {
      name: 'Giỏ hàng',
      description: 'Nhắc khách quay lại',
    });
    await team.as.marketer.post(`/campaigns/${b.id}/archive`).expect(200);
    const ids = async (query: Record<string, string>) =>
      (
        (await team.as.analyst.get('/campaigns').query(query).expect(200)).body.items as Array<{ id: string }>
      ).map((c) => c.id);
    expect(await ids({})).toEqual([b.id, a.id]);
    expect(await ids({ state: 'archived' })).toEqual([b.id]);
    expect(await ids({ tag: 'vip' })).toEqual([a.id]);
    expect(await ids({ q: 'quay lại' })).toEqual([b.id]);
    const page = await team.as.analyst.get('/campaigns').query({ limit: '1' }).expect(200);
    const next = await team.as.analyst
      .get('/campaigns')
      .query({ limit: '1', cursor: page.body.nextCursor })
      .expect(200);
    expect([...page.body.items, ...next.body.items].map((c: { id: string }) => c.id)).toEqual([b.id, a.id]);
    expect(next.body.nextCursor).toBeNull();

    const renamed = await team.as.marketer
      .patch(`/campaigns/${a.id}`)
      .send({ tags: ['birthday'] })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Sinh nhật tháng 12', tags: ['birthday'] });
    const copy = await team.as.marketer.post(`/campaigns/${a.id}/duplicate`).send({}).expect(201);
    expect(copy.body).toMatchObject({
      name: 'Sinh nhật tháng 12 (copy)',
      state: 'draft',
      tags: ['birthday'],
    });
    const copied = await team.as.readKey.get(`/campaigns/${copy.body.id}/draft`).expect(200);
    expect(copied.body.graph).toEqual(orderConfirmation(teamWorld));
  });
});

/** `loa validate FILE --json`, the engine's command line, as a user runs it on an exported file. */
function loaValidate(file: unknown): { status: number | null; report: unknown } {
  const path = join(mkdtempSync(join(tmpdir(), 'loa-export-')), 'campaign.json');
  writeFileSync(path, JSON.stringify(file));
  const bin = join(dirname(require.resolve('@loa/engine')), '..', 'bin', 'loa.cjs');
  const run = spawnSync(process.execPath, [bin, 'validate', path, '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, report: run.stdout ? JSON.parse(run.stdout) : run.stderr };
}
