/**
 * One "worker process" of the token race test (token-race.integration.test.ts): its own PostgreSQL pool and token
 * manager for one Zalo OA account. It prints `ready`, waits for `go` on stdin, sends COUNT ZNS messages at once
 * through the OA's (expired) token, and prints one JSON line with every outcome.
 */
import { createInterface } from 'node:readline';
import { createHttpClient, ZaloOAuthClient, zaloOaAccountSchema, ZnsConnector } from '@loa/connectors';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../../secrets/secret-box';
import { AccountTokenManager } from '../account-token-manager';

async function main(): Promise<void> {
  const env = process.env;
  const db = new DataSource({ type: 'postgres', url: env['DATABASE_URL'], poolSize: 20 });
  await db.initialize();
  const box = new SecretBox(Buffer.from(env['LOA_ENCRYPTION_KEY'] ?? '', 'base64'));
  const account = zaloOaAccountSchema.parse(JSON.parse(env['ZALO_ACCOUNT'] ?? '{}'));
  const http = createHttpClient({ timeoutMs: 10_000 });
  const tokens = new AccountTokenManager(db, env['ACCOUNT_ID'] ?? '', {
    box,
    oauth: new ZaloOAuthClient({ http }),
  });
  const zns = new ZnsConnector({ http, tokens });
  const count = Number(env['COUNT'] ?? '50');
  const name = env['WORKER_NAME'] ?? 'worker';

  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;

  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      zns.send({
        account,
        idempotencyKey: `${name}-${index}`,
        message: { phone: '84900000011', templateId: '300002', templateData: { otp: '482913' } },
      }),
    ),
  );
  process.stdout.write(
    `${JSON.stringify(outcomes.map((outcome) => ({ status: outcome.status, code: 'code' in outcome ? outcome.code : undefined })))}\n`,
  );
  lines.close();
  await http.close();
  await db.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
