import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const FORMAT = 'v1';

/** A secret sealed with AES-256-GCM, and the id of the key that sealed it. */
export interface SealedSecret {
  keyId: string;
  ciphertext: string;
}

/** A key's id: a fingerprint that names it without revealing it, stored beside every secret it seals. */
export function encryptionKeyId(key: Buffer): string {
  return createHash('sha256').update('loa-encryption-key-id:').update(key).digest('hex').slice(0, 16);
}

/**
 * Seals and opens secrets at rest. New secrets are sealed with the current key; secrets sealed with a previous
 * key still open (until re-encrypted, see reencrypt-secrets.ts). `context` names where the secret lives (table and
 * row): it is authenticated with the ciphertext, so a sealed value copied to another row does not open there.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.currentKeyId = encryptionKeyId(current);
    this.keys = new Map([...previous, current].map((key) => [encryptionKeyId(key), key]));
  }

  seal(plaintext: string, context: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [
      FORMAT,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ];
    return { keyId: this.currentKeyId, ciphertext: parts.join('.') };
  }

  open(sealed: SealedSecret, context: string): string {
    const [format, iv, tag, data] = sealed.ciphertext.split('.');
    if (format !== FORMAT || iv === undefined || tag === undefined || data === undefined)
      throw new SecretBoxError('The sealed secret is not in a known format');
    const decipher = createDecipheriv(ALGORITHM, this.key(sealed.keyId), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretBoxError(
        'The sealed secret does not open with its key here (altered, or moved from elsewhere)',
      );
    }
  }

  /** Whether a secret sealed with this key id can be opened. */
  knows(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key)
      throw new SecretBoxError(
        `No encryption key with id ${keyId} is configured (add it to LOA_ENCRYPTION_PREVIOUS_KEYS)`,
      );
    return key;
  }
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}
