import { randomBytes } from 'node:crypto';
import { encryptionKeyId, SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox seals secrets with AES-256-GCM under a key id', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('opens what it sealed, and the ciphertext does not contain the secret', () => {
    const box = new SecretBox(newKey);
    const sealed = box.seal('app-secret-123', 'channel_accounts:a1');
    expect(sealed.keyId).toBe(encryptionKeyId(newKey));
    expect(sealed.ciphertext).not.toContain('app-secret-123');
    expect(box.open(sealed, 'channel_accounts:a1')).toBe('app-secret-123');
  });

  it('seals the same secret differently each time', () => {
    const box = new SecretBox(newKey);
    expect(box.seal('x', 'c').ciphertext).not.toBe(box.seal('x', 'c').ciphertext);
  });

  it('refuses a secret moved to another context or altered', () => {
    const box = new SecretBox(newKey);
    const sealed = box.seal('secret', 'channel_accounts:a1');
    expect(() => box.open(sealed, 'channel_accounts:a2')).toThrow(SecretBoxError);
    const [format, iv, tag, data] = sealed.ciphertext.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    const altered = { ...sealed, ciphertext: [format, iv, tag, flipped.toString('base64url')].join('.') };
    expect(() => box.open(altered, 'channel_accounts:a1')).toThrow(SecretBoxError);
  });

  it('opens secrets of a previous key after rotation, and seals new ones with the current key', () => {
    const sealedBefore = new SecretBox(oldKey).seal('secret', 'c');
    const rotated = new SecretBox(newKey, [oldKey]);
    expect(rotated.open(sealedBefore, 'c')).toBe('secret');
    expect(rotated.seal('secret', 'c').keyId).toBe(encryptionKeyId(newKey));
    expect(rotated.knows(sealedBefore.keyId)).toBe(true);
  });

  it('names the missing key when a secret was sealed with a key no longer configured', () => {
    const sealed = new SecretBox(oldKey).seal('secret', 'c');
    expect(() => new SecretBox(newKey).open(sealed, 'c')).toThrow(encryptionKeyId(oldKey));
  });
});
