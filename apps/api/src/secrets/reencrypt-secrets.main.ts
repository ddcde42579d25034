import 'reflect-metadata';
import { loadConfigOrExit } from '../config/load-config-or-exit';
import { createDataSource, dataSourceOptions } from '../database/data-source-options';
import { reencryptSecrets } from './reencrypt-secrets';
import { SecretBox } from './secret-box';

/**
 * `npm run secrets:reencrypt -w @loa/api` (after a build): seals every stored secret with LOA_ENCRYPTION_KEY. Run it
 * after rotating the key, with the old key in LOA_ENCRYPTION_PREVIOUS_KEYS; then the old key can be dropped.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const db = await createDataSource(dataSourceOptions(config.database)).initialize();
  try {
    const box = new SecretBox(config.encryptionKey, config.previousEncryptionKeys);
    const report = await reencryptSecrets(db, box);
    for (const [table, count] of Object.entries(report.reencrypted))
      process.stdout.write(`${table}: ${count} secret(s) re-encrypted under key ${box.currentKeyId}\n`);
    const unknown = Object.entries(report.unknownKey).filter(([, count]) => count > 0);
    for (const [table, count] of unknown)
      process.stderr.write(
        `${table}: ${count} secret(s) sealed with a key that is not configured; left as they are\n`,
      );
    if (unknown.length > 0) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Re-encryption failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
