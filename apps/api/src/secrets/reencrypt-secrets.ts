import type { DataSource } from 'typeorm';
import type { SecretBox } from './secret-box';
import { SEALED_COLUMNS, type SealedColumn } from './sealed-columns';

export interface ReencryptionReport {
  /** Secrets now sealed with the current key, per table. */
  reencrypted: Record<string, number>;
  /** Secrets sealed with a key that is not configured (neither current nor previous), left as they are. */
  unknownKey: Record<string, number>;
}

const BATCH = 200;

/**
 * Seals again, under the current key, every secret sealed with an older one (keep the old key in
 * LOA_ENCRYPTION_PREVIOUS_KEYS until this has run). Batch by batch with row locks, so it is safe while the API runs
 * and can be run again after an interruption: rows already on the current key are left alone.
 */
export async function reencryptSecrets(
  db: DataSource,
  box: SecretBox,
  columns: readonly SealedColumn[] = SEALED_COLUMNS,
): Promise<ReencryptionReport> {
  const report: ReencryptionReport = { reencrypted: {}, unknownKey: {} };
  for (const column of columns) {
    let reencrypted = 0;
    let unknownKey = 0;
    let after = '';
    for (;;) {
      const rows = await db.transaction(async (manager) => {
        const batch: Array<{ id: string; ciphertext: string; key_id: string }> = await manager.query(
          `SELECT ${column.idColumn}::text AS id, ${column.ciphertextColumn} AS ciphertext,
                  ${column.keyIdColumn} AS key_id
             FROM ${column.table}
            WHERE ${column.keyIdColumn} IS NOT NULL AND ${column.keyIdColumn} <> $1 AND ${column.idColumn}::text > $2
            ORDER BY ${column.idColumn}::text LIMIT ${BATCH} FOR UPDATE`,
          [box.currentKeyId, after],
        );
        for (const row of batch) {
          if (!box.knows(row.key_id)) {
            unknownKey += 1;
            continue;
          }
          const context = column.context(row.id);
          const sealed = box.seal(
            box.open({ keyId: row.key_id, ciphertext: row.ciphertext }, context),
            context,
          );
          await manager.query(
            `UPDATE ${column.table} SET ${column.ciphertextColumn} = $2, ${column.keyIdColumn} = $3
              WHERE ${column.idColumn}::text = $1`,
            [row.id, sealed.ciphertext, sealed.keyId],
          );
          reencrypted += 1;
        }
        return batch;
      });
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]?.id ?? after;
    }
    report.reencrypted[column.table] = reencrypted;
    report.unknownKey[column.table] = unknownKey;
  }
  return report;
}
