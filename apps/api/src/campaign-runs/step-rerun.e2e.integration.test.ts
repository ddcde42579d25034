import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { freePort, waitFor } from '@loa/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { connectedSandboxOa, startZaloTestSandbox } from '../channels/zalo/testing/zalo-sandbox-kit';
import { CART_TEMPLATE } from '../campaigns/testing/abandoned-cart-graph';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { createWorkerApp } from '../worker/create-worker-app';

interface Enrollment {
  contactId: string;
  status: string;
  version: number;
  exitReason: string | null;
}

/** trigger.manual → ZNS reminder; an unconnected failure handle: a failed send ends the journey as `failed`. */
function reminderGraph(znsAccountId: string, productName: string) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: { label: 'Danh sách' } },
      {
        id: 'zns-reminder',
        type: 'send.zns',
        position: { x: 0, y: 150 },
        data: {
          label: 'ZNS nhắc',
          accountId: znsAccountId,
          templateId: CART_TEMPLATE.templateId,
          params: {
            customer_name: '{{ contact.name }}',
            order_code: 'KM-12',
            cart_total: '0đ',
            product_name: productName,
          },
          purpose: 'care',
        },
      },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'zns-reminder' }],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };
}

/**
 * Issue 10 §5, on the dev server, the API, the worker and the sandbox: ZNS fails for two of four contacts (the
 * sandbox answers -131 "template not approved" for their phones), the cause is fixed and a new version published,
 * the marketer re-runs the step: exactly those two get one message each, on the new version, under new
 * idempotency keys; calling again, even twice at once, re-runs nobody.
 */
describe('issue 10 §5: re-run a failed send step’s contacts after a fix', () => {
  let sandbox: RunningSandbox;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let ws: TestWorkspace;
  let db: DataSource;
  let campaignId: string;
  let oaId: string;
  const run = randomUUID().slice(0, 6);
  const contacts = {
    lan: { name: 'Nguyễn Thị Lan', phone: '84912000201' },
    minh: { name: 'Trần Văn Minh', phone: '84912000202' },
    hoa: { name: 'Lê Thị Hoa', phone: '84912000203' },
    tuan: { name: 'Phạm Văn Tuấn', phone: '84912000204' },
  };
  type Name = keyof typeof contacts;
  const names = Object.keys(contacts) as Name[];
  const ids = {} as Record<Name, string>;
  const nameOf = (contactId: string) => names.find((name) => ids[name] === contactId) ?? contactId;

  beforeAll(async () => {
    const port = await freePort();
    const publicApiUrl = `http://127.0.0.1:${port}`;
    sandbox = await startZaloTestSandbox(
      { publicApiUrl, znsNightWindow: false, receiptDelayMs: 20 },
      (seed) => {
        seed.zalo[0]?.oas[0]?.templates.push(CART_TEMPLATE);
      },
    );
    const config = testConfig({ LOA_PUBLIC_API_URL: publicApiUrl, LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0' });
    app = await createApp(config);
    await app.listen(port, '127.0.0.1');
    worker = await createWorkerApp(config);
    ws = await seedTestWorkspace(app);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await sandbox?.close();
  });

  async function enrollments(): Promise<Enrollment[]> {
    const list = await ws.as.analyst
      .get(`/campaigns/${campaignId}/enrollments`)
      .query({ limit: 100 })
      .expect(200);
    return list.body.items as Enrollment[];
  }

  async function allExited(count: number): Promise<Enrollment[]> {
    return waitFor(
      `${count} journeys exited`,
      async () => {
        const rows = await enrollments();
        if (rows.length < count || rows.some((row) => row.status !== 'exited'))
          throw new Error(JSON.stringify(rows));
        return rows;
      },
      60_000,
      250,
    );
  }

  const rerun = (body: Record<string, unknown> = {}) =>
    ws.as.marketer.post(`/campaigns/${campaignId}/steps/zns-reminder/rerun`).send(body);

  async function ledger() {
    return (await db.query(
      `SELECT contact_id, status, campaign_version, idempotency_key FROM messages
        WHERE workspace_id = $1 AND campaign_id = $2 ORDER BY created_at`,
      [ws.workspaceId, campaignId],
    )) as Array<{ contact_id: string; status: string; campaign_version: number; idempotency_key: string }>;
  }

  it('publishes the campaign and sends: ZNS fails for Hoa and Tuấn', async () => {
    oaId = await connectedSandboxOa({ sandbox, ws });
    for (const name of names) {
      const created = await ws.as.marketer
        .post('/contacts')
        .send({ externalId: `kh-${run}-${name}`, ...contacts[name] })
        .expect(201);
      ids[name] = created.body.id as string;
    }
    const created = await ws.as.marketer
      .post('/campaigns')
      .send({ name: `Nhắc khuyến mãi ${run}`, graph: reminderGraph(oaId, 'Áo dài') })
      .expect(201);
    campaignId = created.body.id as string;
    await ws.as.marketer.post(`/campaigns/${campaignId}/submit`).expect(200);
    await ws.as.admin.post(`/campaigns/${campaignId}/approve`).send({}).expect(200);

    sandbox.addFault({ channel: 'zns', recipients: [contacts.hoa.phone, contacts.tuan.phone], code: -131 });
    await ws.as.marketer
      .post(`/campaigns/${campaignId}/enrollments`)
      .send({ contactIds: names.map((name) => ids[name]) })
      .expect(200);
    const exited = await allExited(4);
    expect(exited.map((row) => `${nameOf(row.contactId)} ${row.exitReason}`).sort()).toEqual([
      'hoa failed',
      'lan completed',
      'minh completed',
      'tuan failed',
    ]);
    const failed = await ws.as.analyst
      .get(`/campaigns/${campaignId}/enrollments`)
      .query({ failedAt: 'zns-reminder' })
      .expect(200);
    expect((failed.body.items as Enrollment[]).map((row) => nameOf(row.contactId)).sort()).toEqual([
      'hoa',
      'tuan',
    ]);
  });

  it('refuses analysts and steps that are not sends of the current version; a dry run starts nothing', async () => {
    await ws.as.analyst.post(`/campaigns/${campaignId}/steps/zns-reminder/rerun`).send({}).expect(403);
    const notSend = await ws.as.marketer
      .post(`/campaigns/${campaignId}/steps/start/rerun`)
      .send({})
      .expect(422);
    expect(JSON.stringify(notSend.body)).toContain('stepId');
    const dry = await rerun({ dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({ rerunId: null, dryRun: true, version: 1, rerun: 2, skipped: 0 });
    const rows = await db.query('SELECT 1 FROM journey_reruns WHERE campaign_id = $1', [campaignId]);
    expect(rows).toEqual([]);
  });

  it('answers 503 when Temporal does not take the starts, and claims nobody: the next call re-runs them', async () => {
    // An API whose Temporal namespace does not exist: Temporal refuses every start at once.
    const offline = await createApp(testConfig({ TEMPORAL_NAMESPACE: `missing-${run}` }));
    await offline.init();
    try {
      const response = await request(offline.getHttpServer())
        .post(`/campaigns/${campaignId}/steps/zns-reminder/rerun`)
        .set('Authorization', `Bearer ${ws.keys.write}`)
        .send({})
        .expect(503);
      expect(response.body.detail).toContain('Temporal did not take 2 of the starts');
    } finally {
      await offline.close();
    }
    const claims = await db.query('SELECT 1 FROM journey_rerun_contacts WHERE contact_id = ANY($1)', [
      [ids.hoa, ids.tuan],
    ]);
    expect(claims).toEqual([]);
    const [record] = (await db.query(
      'SELECT rerun_count, finished_at FROM journey_reruns WHERE campaign_id = $1',
      [campaignId],
    )) as Array<{ rerun_count: number; finished_at: Date | null }>;
    expect(record).toEqual({ rerun_count: 0, finished_at: null });
  });

  it('after the fix and a new version, re-runs exactly the failed contacts once, on the new version', async () => {
    // The fix: the template is approved again (the sandbox fault goes), and the marketer improves the message.
    sandbox.clearFaults();
    const draft = await ws.as.marketer.get(`/campaigns/${campaignId}/draft`).expect(200);
    await ws.as.marketer
      .put(`/campaigns/${campaignId}/draft`)
      .send({ revision: draft.body.revision, graph: reminderGraph(oaId, 'Áo dài lụa') })
      .expect(200);
    await ws.as.marketer.post(`/campaigns/${campaignId}/submit`).expect(200);
    const approved = await ws.as.admin.post(`/campaigns/${campaignId}/approve`).send({}).expect(200);
    expect(approved.body.version.version).toBe(2);

    // Two calls at once: between them, each failed journey is re-run once.
    const [first, second] = await Promise.all([
      rerun({ comment: 'Template duyệt lại' }).expect(200),
      rerun().expect(200),
    ]);
    expect(first.body.rerun + second.body.rerun).toBe(2);
    expect(first.body.skipped + second.body.skipped).toBe(2);
    for (const answer of [first.body, second.body]) {
      expect(answer).toMatchObject({ dryRun: false, version: 2, stepId: 'zns-reminder' });
      expect(Object.keys(answer.skippedBecause as object)).toEqual(answer.skipped ? ['already_rerun'] : []);
    }
    const rerunNames = [...first.body.contacts, ...second.body.contacts]
      .filter((contact: { status: string }) => contact.status === 'rerun')
      .map((contact: { contactId: string }) => nameOf(contact.contactId))
      .sort();
    expect(rerunNames).toEqual(['hoa', 'tuan']);

    const exited = await allExited(6);
    expect(exited.map((row) => `${nameOf(row.contactId)} v${row.version} ${row.exitReason}`).sort()).toEqual([
      'hoa v1 failed',
      'hoa v2 completed',
      'lan v1 completed',
      'minh v1 completed',
      'tuan v1 failed',
      'tuan v2 completed',
    ]);
    const journey = await ws.as.analyst
      .get(`/campaigns/${campaignId}/contacts/${ids.hoa}/journey`)
      .expect(200);
    expect(
      (journey.body.enrollments[0].path as Array<{ stepId: string; outcome: string }>).map(
        (step) => `${step.stepId} ${step.outcome}`,
      ),
    ).toEqual(['zns-reminder entered', 'zns-reminder sent', '$exit:completed exit:completed']);

    // The ledger and the sandbox inbox agree: one message per contact; the re-run ones on version 2.
    const rows = await ledger();
    const outcome = (status: string) => (['sent', 'delivered', 'seen'].includes(status) ? 'sent' : status);
    expect(
      rows.map((row) => `${nameOf(row.contact_id)} v${row.campaign_version} ${outcome(row.status)}`).sort(),
    ).toEqual([
      'hoa v1 failed',
      'hoa v2 sent',
      'lan v1 sent',
      'minh v1 sent',
      'tuan v1 failed',
      'tuan v2 sent',
    ]);
    const keys = rows.map((row) => row.idempotency_key);
    expect(new Set(keys).size).toBe(keys.length);
    const inbox = sandbox.inbox({ channel: 'zns' });
    expect(inbox.map((message) => message.recipient).sort()).toEqual(
      names.map((name) => contacts[name].phone).sort(),
    );
    const productOf = (name: Name) =>
      (
        sandbox.inbox({ channel: 'zns', recipient: contacts[name].phone })[0]?.content.template_data as {
          product_name: string;
        }
      ).product_name;
    expect(names.map(productOf)).toEqual(['Áo dài', 'Áo dài', 'Áo dài lụa', 'Áo dài lụa']);
  }, 120_000);

  it('re-runs nobody when called again, and keeps the record: who, when, how many', async () => {
    const again = await rerun().expect(200);
    expect(again.body).toMatchObject({ rerun: 0, skipped: 2, skippedBecause: { already_rerun: 2 } });
    expect(sandbox.inbox({ channel: 'zns' })).toHaveLength(4);

    const reruns = await ws.as.analyst.get(`/campaigns/${campaignId}/reruns`).expect(200);
    const items = reruns.body.items as Array<{
      rerun: number;
      skipped: number;
      finishedAt: string | null;
      requestedBy: { kind: string; name: string };
    }>;
    // Newest first: this call, the two concurrent ones, which re-ran two contacts between them, and the one
    // Temporal did not answer (by the write key), unfinished.
    expect(items.map((item) => item.rerun)).toEqual([0, expect.any(Number), expect.any(Number), 0]);
    expect(items[1]!.rerun + items[2]!.rerun).toBe(2);
    expect(items.map((item) => item.skipped)).toEqual([2, 2 - items[1]!.rerun, 2 - items[2]!.rerun, 0]);
    expect(items.map((item) => [item.requestedBy.kind, item.finishedAt !== null])).toEqual([
      ['user', true],
      ['user', true],
      ['user', true],
      ['api_key', false],
    ]);
    const audited = (await db.query(
      `SELECT details FROM audit_log WHERE workspace_id = $1 AND action = 'campaign.step_rerun' AND target_id = $2`,
      [ws.workspaceId, campaignId],
    )) as Array<{ details: { rerun: number; stepId: string } }>;
    expect(audited).toHaveLength(4);
    expect(audited.reduce((sum, row) => sum + row.details.rerun, 0)).toBe(2);
  });
});
