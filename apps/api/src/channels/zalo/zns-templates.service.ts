import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  ZnsClient,
  ZnsTemplateCatalog,
  type ZaloTokenCallFailure,
  type ZnsTemplateDetail,
  type ZnsTemplateSummary,
} from '@loa/connectors';
import { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { problems } from '../../http/problem';
import { describeZaloFailure } from './zalo-failure';
import { ZaloAccess, type ZaloOaHandle } from './zalo-access.service';
import {
  toZnsTemplateView,
  ZNS_TEMPLATE_COLUMNS,
  type ZnsTemplateRow,
  type ZnsTemplateView,
} from './zns-template-row';

const PAGE = 100;
const DETAIL_READS_AT_ONCE = 4;

export type ZnsSyncResult = { ok: true; templates: number } | { ok: false; detail: string };

/**
 * The ZNS templates of each OA, copied from Zalo (list, then each template's detail) into `zns_templates`: on
 * connect, on demand, every LOA_ZNS_TEMPLATE_SYNC_MINUTES (a timer in each API process; syncing is idempotent), and
 * one template at a time when Zalo reports a status change.
 */
@Injectable()
export class ZnsTemplatesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ZnsTemplatesService.name);
  private readonly client: ZnsClient;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly access: ZaloAccess,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {
    this.client = new ZnsClient(access.http);
  }

  onModuleInit(): void {
    const every = this.config.zalo.templateSyncIntervalMs;
    if (every > 0) {
      this.timer = setInterval(() => void this.syncEveryConnectedOa(), every);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async list(workspaceId: string, accountId: string): Promise<ZnsTemplateView[]> {
    await this.access.assertZaloOa(workspaceId, accountId);
    const rows = (await this.db.query(
      `SELECT ${ZNS_TEMPLATE_COLUMNS} FROM zns_templates WHERE workspace_id = $1 AND account_id = $2
        ORDER BY template_id`,
      [workspaceId, accountId],
    )) as ZnsTemplateRow[];
    return rows.map(toZnsTemplateView);
  }

  async get(workspaceId: string, accountId: string, templateId: string): Promise<ZnsTemplateView> {
    const [row] = (await this.db.query(
      `SELECT ${ZNS_TEMPLATE_COLUMNS} FROM zns_templates
        WHERE workspace_id = $1 AND account_id = $2 AND template_id = $3`,
      [workspaceId, accountId, templateId],
    )) as ZnsTemplateRow[];
    if (!row) throw problems.notFound('ZNS template');
    return toZnsTemplateView(row);
  }

  /** Reads every template of the OA from Zalo; templates Zalo no longer lists are removed. */
  async syncAll(workspaceId: string, accountId: string): Promise<ZnsSyncResult> {
    const handle = await this.access.forAccount(workspaceId, accountId);
    const result = await this.readAll(handle);
    await this.db.query(
      `UPDATE channel_accounts SET zns_templates_synced_at = CASE WHEN $2 THEN now() ELSE zns_templates_synced_at END,
              zns_templates_sync_error = $3 WHERE id = $1`,
      [accountId, result.ok, result.ok ? null : result.detail],
    );
    return result.ok ? { ok: true, templates: result.templates } : result;
  }

  /** Reads one template again (a `change_template_status` webhook names it). */
  async syncTemplate(accountId: string, templateId: string): Promise<ZnsSyncResult> {
    const [account] = (await this.db.query(`SELECT workspace_id FROM channel_accounts WHERE id = $1`, [
      accountId,
    ])) as Array<{ workspace_id: string }>;
    if (!account) return { ok: false, detail: 'No such channel account' };
    const handle = await this.access.forAccount(account.workspace_id, accountId);
    const readAt = await this.now();
    const detail = await this.readDetail(handle, templateId);
    if (!detail.ok) return { ok: false, detail: describeZaloFailure(detail.failure) };
    await this.store(handle, detail.template, readAt);
    return { ok: true, templates: 1 };
  }

  /**
   * Syncs and `change_template_status` resyncs of one OA may overlap (the schedule runs in every process): each
   * template is stored with the time its read from Zalo began, and a read never replaces a newer one; the list's
   * removal spares templates stored after the list was read, and is skipped when a newer full sync has completed.
   */
  private async readAll(handle: ZaloOaHandle): Promise<ZnsSyncResult & { ok: boolean }> {
    const listedAt = await this.now();
    const summaries: ZnsTemplateSummary[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.listPage(handle, offset);
      if (!page.ok) return { ok: false, detail: describeZaloFailure(page) };
      summaries.push(...page.data);
      if (page.data.length < PAGE) break;
    }
    for (let index = 0; index < summaries.length; index += DETAIL_READS_AT_ONCE) {
      const batch = summaries.slice(index, index + DETAIL_READS_AT_ONCE);
      const readAt = await this.now();
      const details = await Promise.all(batch.map((summary) => this.readDetail(handle, summary.templateId)));
      for (const detail of details) {
        if (!detail.ok) return { ok: false, detail: describeZaloFailure(detail.failure) };
        await this.store(handle, detail.template, readAt);
      }
    }
    await this.removeUnlisted(
      handle.row.id,
      summaries.map((summary) => summary.templateId),
      listedAt,
    );
    return { ok: true, templates: summaries.length };
  }

  /** Removes what Zalo's list (read at `listedAt`) lacks and was stored before it, unless a newer list settled. */
  private async removeUnlisted(accountId: string, listed: string[], listedAt: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [account] = (await manager.query(
        `SELECT zns_templates_listed_at >= $2::timestamptz AS settled FROM channel_accounts WHERE id = $1
            FOR NO KEY UPDATE`,
        [accountId, listedAt],
      )) as Array<{ settled: boolean | null }>;
      if (!account || account.settled) return;
      await manager.query(
        `DELETE FROM zns_templates
          WHERE account_id = $1 AND NOT (template_id = ANY($2::text[])) AND synced_at < $3::timestamptz`,
        [accountId, listed, listedAt],
      );
      await manager.query(
        `UPDATE channel_accounts SET zns_templates_listed_at = $2::timestamptz WHERE id = $1`,
        [accountId, listedAt],
      );
    });
  }

  /** PostgreSQL's clock, as text so that no precision is lost: every process compares read times on one clock. */
  private async now(): Promise<string> {
    const [row] = (await this.db.query(`SELECT clock_timestamp()::text AS now`)) as [{ now: string }];
    return row.now;
  }

  private async listPage(handle: ZaloOaHandle, offset: number) {
    const token = await handle.tokens.getAccessToken(handle.account);
    if (!token.ok) return token;
    return this.client.listTemplates({
      account: handle.account,
      accessToken: token.accessToken,
      offset,
      limit: PAGE,
    });
  }

  private async readDetail(
    handle: ZaloOaHandle,
    templateId: string,
  ): Promise<{ ok: true; template: ZnsTemplateDetail } | { ok: false; failure: ZaloTokenCallFailure }> {
    // A catalog per read: the sync wants Zalo's answer now, never a cached one.
    const catalog = new ZnsTemplateCatalog({ http: this.access.http, tokens: handle.tokens, ttlMs: 1 });
    return catalog.get(handle.account, templateId);
  }

  /**
   * Stores a template as read at `readAt`, unless a read that began later is stored already, or the template is not
   * stored and a full sync whose list was read later (and lacked it) has completed: Zalo removed it since.
   * Under a share lock on the account row, so that such a completion is either seen or comes after.
   */
  private async store(handle: ZaloOaHandle, template: ZnsTemplateDetail, readAt: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM channel_accounts WHERE id = $1 FOR SHARE`, [handle.row.id]);
      await manager.query(
        `INSERT INTO zns_templates (account_id, workspace_id, template_id, name, status, quality, tag, price, params,
                                    detail, synced_at)
         SELECT a.id, a.workspace_id, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz
           FROM channel_accounts a
          WHERE a.id = $1
            AND (a.zns_templates_listed_at IS NULL OR a.zns_templates_listed_at <= $10::timestamptz
                 OR EXISTS (SELECT 1 FROM zns_templates t WHERE t.account_id = a.id AND t.template_id = $2))
         ON CONFLICT (account_id, template_id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
           quality = EXCLUDED.quality, tag = EXCLUDED.tag, price = EXCLUDED.price, params = EXCLUDED.params,
           detail = EXCLUDED.detail, synced_at = EXCLUDED.synced_at
          WHERE zns_templates.synced_at <= EXCLUDED.synced_at`,
        [
          handle.row.id,
          template.templateId,
          template.templateName,
          template.status,
          template.templateQuality ?? null,
          template.templateTag ?? null,
          template.price ?? null,
          JSON.stringify(template.listParams),
          JSON.stringify(template),
          readAt,
        ],
      );
    });
  }

  /** What the schedule runs: every connected, enabled OA of every workspace, one after the other. */
  async syncEveryConnectedOa(): Promise<void> {
    const accounts = (await this.db.query(
      `SELECT id, workspace_id FROM channel_accounts
        WHERE kind = 'zalo_oa' AND status = 'connected' AND NOT disabled`,
    )) as Array<{ id: string; workspace_id: string }>;
    for (const account of accounts) {
      const result = await this.syncAll(account.workspace_id, account.id).catch((error: unknown) => ({
        ok: false as const,
        detail: error instanceof Error ? error.message : String(error),
      }));
      if (!result.ok)
        this.logger.warn('ZNS template sync failed', { accountId: account.id, detail: result.detail });
    }
  }
}
