import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keys derived from the one server secret (APP_SECRET) with HKDF-SHA256, one per purpose, so
 * that a key used for one thing can never be made to serve another.
 */
export interface ServerKeys {
  /** Keys the hashes that stand in for confidential values in the audit log. */
  readonly auditHmac: Buffer;
  /** Keys the hashes under which sign-in attempts remember the account name typed. */
  readonly accountHmac: Buffer;
  /** Encrypts TOTP secrets at rest (AES-256-GCM). */
  readonly totpEncryption: Buffer;
}

export function deriveServerKeys(secret: string): ServerKeys {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', secret, 'integrated-prevention-platform', purpose, 32));
  return {
    auditHmac: derive('audit-value-hmac'),
    accountHmac: derive('sign-in-account-hmac'),
    totpEncryption: derive('totp-secret-encryption'),
  };
}

/** `hmac-sha256:<hex>` of a text under a key. */
export function keyedHash(key: Buffer, text: string): string {
  return `hmac-sha256:${createHmac('sha256', key).update(text).digest('hex')}`;
}

/** `v1.<iv>.<ciphertext>.<tag>` in base64url: AES-256-GCM with a fresh 96-bit IV. */
export function encryptSecret(key: Buffer, plaintext: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Throws when the text was not made by `encryptSecret` with this key. */
export function decryptSecret(key: Buffer, sealed: string): Buffer {
  const [version, iv, ciphertext, tag] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || ciphertext === undefined || tag === undefined) {
    throw new Error('Not a sealed secret');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
}
