import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  isCommonPassword,
  NewPassword,
  owaspArgon2id,
  verifyPassword,
} from '../src/auth/passwords.js';
import {
  decryptSecret,
  deriveServerKeys,
  encryptSecret,
  keyedHash,
} from '../src/auth/server-keys.js';
import { hashSessionToken, newSessionToken } from '../src/auth/session-token.js';
import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode } from '../src/auth/totp.js';

describe('TOTP (RFC 6238)', () => {
  // Appendix B of RFC 6238: the seeds are the ASCII digits repeated to the hash's key length.
  const seed = (length: number) => Buffer.from('1234567890'.repeat(7).slice(0, length));
  const vectors: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];

  it.each(vectors)('gives the RFC test vector codes at T = %i', (seconds, sha1, sha256, sha512) => {
    const at = seconds * 1000;
    expect(totpCode(seed(20), at, { digits: 8 })).toBe(sha1);
    expect(totpCode(seed(32), at, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totpCode(seed(64), at, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('accepts the code of the step before and after now, and no other', () => {
    const key = seed(20);
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(key, totpCode(key, now), now)).toBe(step);
    expect(matchTotp(key, totpCode(key, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(key, totpCode(key, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(key, totpCode(key, now - 60_000), now)).toBeNull();
    expect(matchTotp(key, '12345', now)).toBeNull();
    expect(matchTotp(key, 'abcdef', now)).toBeNull();
  });

  it('encodes base32 as RFC 4648 does, and decodes it back', () => {
    const cases = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'];
    expect(cases.map((text) => base32Encode(Buffer.from(text)))).toEqual([
      '',
      'MY',
      'MZXQ',
      'MZXW6',
      'MZXW6YQ',
      'MZXW6YTB',
      'MZXW6YTBOI',
    ]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...base32Decode(base32Encode(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('writes an otpauth URI that authenticator apps read', () => {
    const uri = otpauthUri(Buffer.from('foobar'), 'amina@example.org', 'Prevention');
    expect(uri).toBe(
      'otpauth://totp/Prevention:amina%40example.org?secret=MZXW6YTBOI&issuer=Prevention&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('passwords', () => {
  it('hashes with Argon2id at the OWASP parameters', async () => {
    const hashed = await hashPassword('correct horse battery', owaspArgon2id);
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hashed, 'correct horse battery ')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('accepts 8 to 256 characters exactly as typed, spaces and any script included', () => {
    expect(NewPassword.safeParse('seven77').success).toBe(false);
    expect(NewPassword.safeParse('  spaced out  ').success).toBe(true);
    expect(NewPassword.safeParse('كلمة سر طويلة').success).toBe(true);
    expect(NewPassword.safeParse('🔐🔐🔐🔐🔐🔐🔐🔐').success).toBe(true);
    expect(NewPassword.safeParse('x'.repeat(64) + 'Y'.repeat(192)).success).toBe(true);
    expect(NewPassword.safeParse('x'.repeat(257)).success).toBe(false);
  });

  it('refuses the most common passwords, whatever their case', () => {
    for (const common of ['password', 'Password', '12345678', 'iloveyou', 'QWERTYUIOP']) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(NewPassword.safeParse(common).success).toBe(false);
    }
    expect(isCommonPassword('prevention-demo')).toBe(false);
  });
});

describe('server keys and session tokens', () => {
  const keys = deriveServerKeys('a-long-enough-test-secret-of-32-characters');

  it('derives a different key for every purpose', () => {
    const all = [keys.auditHmac, keys.accountHmac, keys.totpEncryption].map((k) =>
      k.toString('hex'),
    );
    expect(new Set(all).size).toBe(3);
    expect(deriveServerKeys('another-secret-also-long-enough!!').auditHmac).not.toEqual(
      keys.auditHmac,
    );
  });

  it('seals a secret so that only the same key opens it, and detects tampering', () => {
    const sealed = encryptSecret(keys.totpEncryption, Buffer.from('totp-secret'));
    expect(decryptSecret(keys.totpEncryption, sealed).toString()).toBe('totp-secret');
    expect(() => decryptSecret(keys.auditHmac, sealed)).toThrow();
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = `${v}.${iv}.${(body ?? '').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${tag}`;
    expect(() => decryptSecret(keys.totpEncryption, flipped)).toThrow();
  });

  it('hashes values under a key', () => {
    expect(keyedHash(keys.auditHmac, 'Amina K.')).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(keyedHash(keys.auditHmac, 'Amina K.')).not.toBe(keyedHash(keys.accountHmac, 'Amina K.'));
  });

  it('makes 128-bit tokens and stores only their hash', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newSessionToken));
    expect(tokens.size).toBe(1000);
    const [token] = tokens;
    expect(Buffer.from(token ?? '', 'base64url')).toHaveLength(16);
    expect(hashSessionToken(token ?? '')).toMatch(/^[0-9a-f]{64}$/);
  });
});
