import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelAccountsService } from '../channels/channel-accounts.service';
import { createApp } from '../create-app';
import { seededSecret } from '../testing/seeded-secret';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { reencryptSecrets } from './reencrypt-secrets';
import { encryptionKeyId, SecretBox } from './secret-box';

const TOKEN = seededSecret('speedsms');

describe('re-encrypting secrets under a new key', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let before: INestApplication;
  let ws: TestWorkspace;
  let accountId: string;

  beforeAll(async () => {
    before = await createApp(testConfig({ LOA_ENCRYPTION_KEY: oldKey.toString('base64') }));
    await before.init();
    ws = await seedTestWorkspace(before);
    const created = await ws.as.admin
      .post('/channel-accounts')
      .send({ kind: 'speedsms', name: 'SpeedSMS', config: { accessToken: TOKEN, smsType: 2 } })
      .expect(201);
    accountId = created.body.id;
  });

  afterAll(async () => {
    await before.close();
  });

  it('moves every secret of the old key to the new one, and the API reads them with the new key alone', async () => {
    const db = before.get(DataSource);
    const report = await reencryptSecrets(db, new SecretBox(newKey, [oldKey]));
    expect(report.reencrypted.channel_accounts).toBeGreaterThanOrEqual(1);
    const [row] = await db.query(`SELECT secrets_key_id FROM channel_accounts WHERE id = $1`, [accountId]);
    expect(row.secrets_key_id).toBe(encryptionKeyId(newKey));

    const again = await reencryptSecrets(db, new SecretBox(newKey, [oldKey]));
    const [unchanged] = await db.query(`SELECT secrets_key_id FROM channel_accounts WHERE id = $1`, [
      accountId,
    ]);
    expect(unchanged.secrets_key_id).toBe(encryptionKeyId(newKey));
    expect(again.reencrypted.channel_accounts).toBe(0);

    const after = await createApp(testConfig({ LOA_ENCRYPTION_KEY: newKey.toString('base64') }));
    await after.init();
    try {
      const account = await after.get(ChannelAccountsService).forSending(ws.workspaceId, accountId);
      expect(account.config.accessToken).toBe(TOKEN);
    } finally {
      await after.close();
    }
  });

  it('leaves secrets of a key it does not have, and counts them', async () => {
    const db = before.get(DataSource);
    const stranger = randomBytes(32);
    const report = await reencryptSecrets(db, new SecretBox(stranger));
    expect(report.unknownKey.channel_accounts).toBeGreaterThanOrEqual(1);
    const [row] = await db.query(`SELECT secrets_key_id FROM channel_accounts WHERE id = $1`, [accountId]);
    expect(row.secrets_key_id).toBe(encryptionKeyId(newKey));
  });
});
