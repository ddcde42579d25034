import { channelSecretsContext } from '../channels/channel-account-row';
import { zaloTokensContext, zaloVerifierContext } from '../channels/zalo/zalo-token-row';
import { workspaceSecretContext } from './workspace-secrets';

/** A column of sealed secrets: its table, the key id beside it, and the context each row's secret is bound to. */
export interface SealedColumn {
  table: string;
  idColumn: string;
  ciphertextColumn: string;
  keyIdColumn: string;
  context: (id: string) => string;
}

/** Every column that holds sealed secrets; re-encryption walks them all. Add a table here when it seals secrets. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: 'channel_accounts',
    idColumn: 'id',
    ciphertextColumn: 'secrets_ciphertext',
    keyIdColumn: 'secrets_key_id',
    context: channelSecretsContext,
  },
  {
    table: 'zalo_oa_tokens',
    idColumn: 'account_id',
    ciphertextColumn: 'tokens_ciphertext',
    keyIdColumn: 'tokens_key_id',
    context: zaloTokensContext,
  },
  {
    table: 'zalo_oauth_states',
    idColumn: 'state_sha256',
    ciphertextColumn: 'verifier_ciphertext',
    keyIdColumn: 'verifier_key_id',
    context: zaloVerifierContext,
  },
  {
    table: 'workspace_secrets',
    idColumn: 'id',
    ciphertextColumn: 'value_ciphertext',
    keyIdColumn: 'value_key_id',
    context: workspaceSecretContext,
  },
];
