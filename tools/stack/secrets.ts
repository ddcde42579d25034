// The API's encryption key: LOA_ENCRYPTION_KEY, else .data/secrets/encryption.key (created on first use).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './config';

export const KEY_FILE = path.join(DATA_DIR, 'secrets', 'encryption.key');

export function loadEncryptionKey(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOA_ENCRYPTION_KEY) return env.LOA_ENCRYPTION_KEY;
  if (existsSync(KEY_FILE)) {
    const key = readFileSync(KEY_FILE, 'utf8').trim();
    if (key) return key;
  }
  mkdirSync(path.dirname(KEY_FILE), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  writeFileSync(KEY_FILE, `${key}\n`, { mode: 0o600 });
  chmodSync(KEY_FILE, 0o600);
  return key;
}
