import type { INestApplication } from '@nestjs/common';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { DataSource } from 'typeorm';
import type { TestWorkspace } from '../../testing/test-workspace';
import { ZaloAnswerGate } from './testing/zalo-answer-gate';
import {
  sandboxZaloConfig,
  startAndConsent,
  startZaloTestBed,
  type ZaloTestBed,
} from './testing/zalo-sandbox-kit';
import { ZnsTemplatesService } from './zns-templates.service';

/**
 * A full sync reads Zalo's list, then each template, then removes what the list lacked; a `change_template_status`
 * webhook (`syncTemplate`) may store a template meanwhile. The gate in front of the sandbox holds one of the sync's
 * answers so that the webhook's read lands inside the sync, every time.
 */
describe('a full ZNS template sync racing the change_template_status webhook', () => {
  let sandbox: RunningSandbox;
  let gate: ZaloAnswerGate;
  let app: INestApplication;
  let ws: TestWorkspace;
  let db: DataSource;
  let service: ZnsTemplatesService;
  let accountId: string;
  let bed: ZaloTestBed;

  beforeAll(async () => {
    bed = await startZaloTestBed();
    ({ sandbox, app, ws, db } = bed);
    gate = await ZaloAnswerGate.start(sandbox.urls.zns);
    service = app.get(ZnsTemplatesService);
    const config = sandboxZaloConfig(sandbox);
    const baseUrls = { ...(config.baseUrls as Record<string, string>), zns: gate.baseUrl };
    accountId = (
      await ws.as.admin
        .post('/channel-accounts')
        .send({ kind: 'zalo_oa', name: 'Racing OA', config: { ...config, baseUrls } })
        .expect(201)
    ).body.id as string;
    await ws.as.admin.get(await startAndConsent(ws.as.admin, accountId)).expect(200);
  });

  afterAll(async () => {
    await gate.close();
    await bed.close();
  });

  const templates = () => sandbox.seed.zalo[0]!.oas[0]!.templates;
  const isList = (url: URL) => url.pathname.endsWith('/template/all');
  const isDetailOf = (templateId: string) => (url: URL) =>
    url.pathname.endsWith('/template/info/v2') && url.searchParams.get('template_id') === templateId;
  const listWithout = (templateId: string) => (body: Record<string, unknown>) => ({
    ...body,
    data: (body.data as Array<{ templateId: string }>).filter((t) => t.templateId !== templateId),
  });
  const stored = async (templateId: string) =>
    (
      (await db.query(`SELECT status FROM zns_templates WHERE account_id = $1 AND template_id = $2`, [
        accountId,
        templateId,
      ])) as Array<{ status: string }>
    )[0];

  it('keeps a template the webhook stored while the sync was running, though the sync read its list before', async () => {
    const [first, , , created] = templates().map((t) => t.templateId);
    await db.query(`DELETE FROM zns_templates WHERE account_id = $1 AND template_id = $2`, [
      accountId,
      created,
    ]);
    // The sync reads Zalo's list from before `created` existed, and its first template read is held.
    const stopRewrite = gate.rewrite(isList, listWithout(created!));
    const held = gate.hold(isDetailOf(first!));
    const sync = service.syncAll(ws.workspaceId, accountId);
    await held.reached;
    stopRewrite();
    expect(await service.syncTemplate(accountId, created!)).toEqual({ ok: true, templates: 1 });
    held.release();
    expect(await sync).toEqual({ ok: true, templates: templates().length - 1 });
    expect(await stored(created!)).toBeDefined();
  });

  it("keeps the status the webhook stored over the sync's older read of the same template", async () => {
    const template = templates().find((t) => t.status === 'ENABLE')!;
    const held = gate.hold(isDetailOf(template.templateId));
    const sync = service.syncAll(ws.workspaceId, accountId);
    await held.reached;
    template.status = 'DISABLE';
    try {
      expect(await service.syncTemplate(accountId, template.templateId)).toEqual({ ok: true, templates: 1 });
      expect((await stored(template.templateId))?.status).toBe('DISABLE');
      held.release();
      expect((await sync).ok).toBe(true);
      expect((await stored(template.templateId))?.status).toBe('DISABLE');
    } finally {
      template.status = 'ENABLE';
      held.release();
      await service.syncAll(ws.workspaceId, accountId);
    }
  });

  it('does not bring back a template that a newer sync found gone from Zalo', async () => {
    const [, gone] = templates().map((t) => t.templateId);
    const held = gate.hold(isDetailOf(gone!));
    const older = service.syncAll(ws.workspaceId, accountId);
    await held.reached;
    // Zalo deletes `gone`; a newer sync (another process's schedule) reads the list without it.
    const stopRewrite = gate.rewrite(isList, listWithout(gone!));
    try {
      expect(await service.syncAll(ws.workspaceId, accountId)).toEqual({
        ok: true,
        templates: templates().length - 1,
      });
      expect(await stored(gone!)).toBeUndefined();
      held.release();
      expect((await older).ok).toBe(true);
      expect(await stored(gone!)).toBeUndefined();
    } finally {
      stopRewrite();
      held.release();
    }
  });
});
