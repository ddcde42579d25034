import { channelSecretsContext } from '../channels/channel-account-row';

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
];
