import { CHANNEL_KIND_SPECS, type ChannelKind } from './channel-kinds';
import { DEFAULT_SEND_RATES } from '../messages/send-rate-limiter';
import type { ChannelAccountView } from './channel-accounts.schemas';

export interface ChannelAccountRow {
  id: string;
  workspace_id: string;
  kind: ChannelKind;
  name: string;
  settings: Record<string, unknown>;
  secrets_ciphertext: string | null;
  secrets_key_id: string | null;
  secret_fields: string[];
  status: ChannelAccountView['status'];
  disabled: boolean;
  send_rate_per_second: string | null;
  status_detail: string | null;
  provider_name: string | null;
  last_test_at: Date | null;
  last_test_ok: boolean | null;
  last_test_detail: string | null;
  created_at: Date;
  updated_at: Date;
}

export const CHANNEL_ACCOUNT_COLUMNS = `id, workspace_id, kind, name, settings, secrets_ciphertext, secrets_key_id,
  secret_fields, status, disabled, send_rate_per_second, status_detail, provider_name, last_test_at, last_test_ok,
  last_test_detail, created_at, updated_at`;

/** Where an account's sealed secrets live; bound into the ciphertext so that they open only on this row. */
export function channelSecretsContext(accountId: string): string {
  return `channel_accounts.secrets:${accountId}`;
}

export function toChannelAccountView(row: ChannelAccountRow, webhookUrl: string | null): ChannelAccountView {
  const spec = CHANNEL_KIND_SPECS[row.kind];
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    channels: [...spec.channels],
    status: row.status,
    disabled: row.disabled,
    sendRatePerSecond: row.send_rate_per_second === null ? null : Number(row.send_rate_per_second),
    defaultSendRatePerSecond: DEFAULT_SEND_RATES[row.kind],
    statusDetail: row.status_detail,
    providerName: row.provider_name,
    testing: spec.testing(row.settings),
    settings: row.settings,
    secretsSet: row.secret_fields,
    lastTest: row.last_test_at
      ? { at: row.last_test_at.toISOString(), ok: row.last_test_ok === true, detail: row.last_test_detail }
      : null,
    webhookUrl,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
