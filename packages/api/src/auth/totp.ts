import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226), as authenticator apps compute
 * them: HMAC-SHA-1, 30-second steps from the Unix epoch, 6 digits. SHA-256, SHA-512 and other
 * lengths exist for the RFC's test vectors.
 */
export interface TotpOptions {
  algorithm?: 'sha1' | 'sha256' | 'sha512';
  digits?: number;
  stepSeconds?: number;
}

const defaults = { algorithm: 'sha1', digits: 6, stepSeconds: 30 } as const;

/** The HOTP value of a counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Uint8Array, counter: number, options: TotpOptions = {}): string {
  const { algorithm, digits } = { ...defaults, ...options };
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export function totpStep(timeMs: number, options: TotpOptions = {}): number {
  return Math.floor(timeMs / 1000 / (options.stepSeconds ?? defaults.stepSeconds));
}

export function totpCode(key: Uint8Array, timeMs: number, options: TotpOptions = {}): string {
  return hotp(key, totpStep(timeMs, options), options);
}

/**
 * The time step whose code matches, looking one step either side of now to allow for clock drift
 * and typing time; null when none does. The caller refuses a step it has already accepted.
 */
export function matchTotp(
  key: Uint8Array,
  code: string,
  timeMs: number,
  options: TotpOptions = {},
): number | null {
  const digits = options.digits ?? defaults.digits;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const now = totpStep(timeMs, options);
  for (const step of [now, now - 1, now + 1]) {
    const expected = Buffer.from(hotp(key, step, options));
    if (timingSafeEqual(expected, Buffer.from(code))) return step;
  }
  return null;
}

/** A new secret: 160 bits, the HMAC-SHA-1 block RFC 4226 recommends. */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: how authenticator apps take a secret. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      output += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += base32Alphabet[(value << (5 - bits)) & 31];
  return output;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error('Not base32');
    value = ((value << 5) | index) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The `otpauth://` URI that authenticator apps read (from a QR code or pasted). */
export function otpauthUri(secret: Uint8Array, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
