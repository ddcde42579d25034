import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { parseAccountConfig } from '@loa/connectors';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { UserPrincipal } from '../auth/principal';
import { problems } from '../http/problem';
import { SecretBox } from '../secrets/secret-box';
import { WebhookUrls } from '../webhooks/webhook-urls';
import {
  CHANNEL_ACCOUNT_COLUMNS,
  channelSecretsContext,
  toChannelAccountView,
  type ChannelAccountRow,
} from './channel-account-row';
import type { ChannelAccountView } from './channel-accounts.schemas';
import { CHANNEL_KIND_SPECS, type ChannelKind } from './channel-kinds';
import { mergeSecrets, splitSecrets } from './secret-fields';

type Config = Record<string, unknown>;

/** An account with its whole configuration (secrets opened), for the code that talks to its provider. */
export interface ChannelAccountForSending {
  row: ChannelAccountRow;
  config: Config;
}

/** Fields whose change means a new provider account: the OAuth grant of the old one does not carry over. */
const IDENTITY_FIELDS: Partial<Record<ChannelKind, string[]>> = { zalo_oa: ['appId', 'oaId'] };

/**
 * The workspace's channel accounts. Each configuration is validated by its connector's schema; the fields that
 * schema marks secret are sealed with the SecretBox and never leave this service except to talk to the provider.
 */
@Injectable()
export class ChannelAccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly webhookUrls: WebhookUrls,
  ) {}

  /** `admin`: the webhook URLs keep the credential some carry (eSMS's token); other readers see them without it. */
  async list(workspaceId: string, options: { admin?: boolean } = {}): Promise<ChannelAccountView[]> {
    const rows: ChannelAccountRow[] = await this.db.query(
      `SELECT ${CHANNEL_ACCOUNT_COLUMNS} FROM channel_accounts WHERE workspace_id = $1 ORDER BY created_at, id`,
      [workspaceId],
    );
    return rows.map((row) => this.view(row, options.admin));
  }

  async get(workspaceId: string, id: string, options: { admin?: boolean } = {}): Promise<ChannelAccountView> {
    return this.view(await this.row(this.db.manager, workspaceId, id), options.admin);
  }

  async create(actor: UserPrincipal, input: { kind: ChannelKind; name: string; config: Config }) {
    const id = randomUUID();
    const config = validConfig(input.kind, input.config);
    const sealed = this.seal(id, input.kind, config);
    const status = CHANNEL_KIND_SPECS[input.kind].connectsByOAuth ? 'not_connected' : 'connected';
    return this.db.transaction(async (manager) => {
      await manager
        .query(
          `INSERT INTO channel_accounts (id, workspace_id, kind, name, settings, secrets_ciphertext, secrets_key_id,
                                         secret_fields, status, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            id,
            actor.workspaceId,
            input.kind,
            input.name,
            JSON.stringify(sealed.settings),
            sealed.ciphertext,
            sealed.keyId,
            sealed.fields,
            status,
            actor.userId,
          ],
        )
        .catch(nameTaken(input.name));
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actor,
          action: 'channel_account.created',
          targetKind: 'channel_account',
          targetId: id,
          details: { kind: input.kind, name: input.name },
        },
        manager,
      );
      return this.view(await this.row(manager, actor.workspaceId, id));
    });
  }

  async update(
    actor: UserPrincipal,
    id: string,
    input: { name?: string; config?: Config; disabled?: boolean; sendRatePerSecond?: number | null },
  ): Promise<ChannelAccountView> {
    return this.db.transaction(async (manager) => {
      const row = await this.row(manager, actor.workspaceId, id, 'FOR UPDATE');
      const changes: string[] = [];
      const values: unknown[] = [row.id];
      const set = (column: string, value: unknown) => {
        values.push(value);
        changes.push(`${column} = $${values.length}`);
      };
      if (input.name !== undefined) set('name', input.name);
      if (input.disabled !== undefined) set('disabled', input.disabled);
      if (input.sendRatePerSecond !== undefined) set('send_rate_per_second', input.sendRatePerSecond);
      if (input.config !== undefined) {
        const config = this.reconfigured(row, input.config);
        const sealed = this.seal(row.id, row.kind, config);
        set('settings', JSON.stringify(sealed.settings));
        set('secrets_ciphertext', sealed.ciphertext);
        set('secrets_key_id', sealed.keyId);
        set('secret_fields', sealed.fields);
        const identity = IDENTITY_FIELDS[row.kind] ?? [];
        if (identity.some((field) => row.settings[field] !== sealed.settings[field])) {
          set('status', 'not_connected');
          set('status_detail', 'The account changed; connect it again');
          set('zns_templates_synced_at', null);
          set('zns_templates_sync_error', null);
          await forgetGrant(manager, row.id);
        }
      }
      await manager
        .query(`UPDATE channel_accounts SET ${changes.join(', ')}, updated_at = now() WHERE id = $1`, values)
        .catch(nameTaken(input.name ?? row.name));
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actor,
          action: 'channel_account.updated',
          targetKind: 'channel_account',
          targetId: id,
          details: { fields: Object.keys(input) },
        },
        manager,
      );
      return this.view(await this.row(manager, actor.workspaceId, id));
    });
  }

  /** Deletes an account that never sent; one with messages in the ledger is kept for the reports (disable it). */
  async remove(actor: UserPrincipal, id: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.row(manager, actor.workspaceId, id, 'FOR UPDATE');
      const [used] = (await manager.query(
        `SELECT EXISTS (SELECT 1 FROM messages WHERE account_id = $1) AS used`,
        [id],
      )) as Array<{ used: boolean }>;
      if (used?.used)
        throw problems.conflict('This account has messages in the ledger; disable it instead of deleting it');
      await manager.query(`DELETE FROM channel_accounts WHERE id = $1`, [id]);
      await this.audit.record(
        {
          workspaceId: actor.workspaceId,
          actor,
          action: 'channel_account.deleted',
          targetKind: 'channel_account',
          targetId: id,
        },
        manager,
      );
    });
  }

  /**
   * The new configuration with the stored secrets carried over, unless it points the account somewhere else (a
   * destination field changed): then every stored secret must be given again, or a 422 names each one.
   */
  private reconfigured(row: ChannelAccountRow, input: Config): Config {
    const stored = this.openSecrets(row);
    const config = validConfig(row.kind, mergeSecrets(input, stored));
    const moved = CHANNEL_KIND_SPECS[row.kind].destinationFields.some(
      (path) => JSON.stringify(valueAt(config, path)) !== JSON.stringify(valueAt(row.settings, path)),
    );
    if (!moved) return config;
    const missing = Object.keys(stored).filter((path) => valueAt(input, path) === undefined);
    if (missing.length > 0)
      throw problems.validation(
        missing.map((path) => ({
          in: 'body' as const,
          field: `config.${path}`,
          message: 'give it again: the account now points to another address or account',
        })),
      );
    return config;
  }

  /** The account's whole configuration, secrets included; 404 when it is not in the workspace. */
  async forSending(workspaceId: string, id: string): Promise<ChannelAccountForSending> {
    const row = await this.row(this.db.manager, workspaceId, id);
    return { row, config: mergeSecrets(row.settings, this.openSecrets(row)) };
  }

  private view(row: ChannelAccountRow, admin = true): ChannelAccountView {
    const webhookUrl = this.webhookUrls.forAccount(row);
    return toChannelAccountView(row, webhookUrl && !admin ? withoutCredential(webhookUrl) : webhookUrl);
  }

  private seal(id: string, kind: ChannelKind, config: Config) {
    const { shown, secrets } = splitSecrets(config, CHANNEL_KIND_SPECS[kind].secretPaths);
    const fields = Object.keys(secrets);
    if (fields.length === 0) return { settings: shown, ciphertext: null, keyId: null, fields };
    const sealed = this.box.seal(JSON.stringify(secrets), channelSecretsContext(id));
    return { settings: shown, ciphertext: sealed.ciphertext, keyId: sealed.keyId, fields };
  }

  private openSecrets(row: ChannelAccountRow): Record<string, string> {
    if (!row.secrets_ciphertext || !row.secrets_key_id) return {};
    const opened = this.box.open(
      { keyId: row.secrets_key_id, ciphertext: row.secrets_ciphertext },
      channelSecretsContext(row.id),
    );
    return JSON.parse(opened) as Record<string, string>;
  }

  private async row(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    lock = '',
  ): Promise<ChannelAccountRow> {
    const [row] = (await manager.query(
      `SELECT ${CHANNEL_ACCOUNT_COLUMNS} FROM channel_accounts WHERE id = $1 AND workspace_id = $2 ${lock}`,
      [id, workspaceId],
    )) as ChannelAccountRow[];
    if (!row) throw problems.notFound('Channel account');
    return row;
  }
}

/** Drops what the account's old provider identity granted: its tokens, its synced templates, its pending consents. */
async function forgetGrant(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query(`DELETE FROM zalo_oa_tokens WHERE account_id = $1`, [accountId]);
  await manager.query(`DELETE FROM zns_templates WHERE account_id = $1`, [accountId]);
  await manager.query(`DELETE FROM zalo_oauth_states WHERE account_id = $1`, [accountId]);
}

/** The configuration as the kind's connector schema reads it (defaults filled); 422 naming each bad field. */
function validConfig(kind: ChannelKind, input: Config): Config {
  const parsed = parseAccountConfig(CHANNEL_KIND_SPECS[kind].schema, input);
  if (parsed.ok) return parsed.config;
  throw problems.validation(
    parsed.issues.map((issue) => ({
      in: 'body' as const,
      field: issue.field ? `config.${issue.field}` : 'config',
      message: issue.message,
    })),
  );
}

function withoutCredential(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  url.searchParams.delete('token');
  return url.toString();
}

function valueAt(config: Config, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Config)[key] : undefined),
      config,
    );
}

function nameTaken(name: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === '23505')
      throw problems.field('body', 'name', `another channel account is already called "${name}"`, 409);
    throw error;
  };
}
